package no.instanceplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file larger than a service's heap, sent and received without ever being held in memory: generated as it is sent
 * ({@link GeneratedContent}) and hashed on the way, and hashed as it arrives. Equal SHA-256 and size on both ends
 * prove it came back whole.
 */
final class StreamedFile {

  /** What came back: its size and SHA-256 (hex). */
  record Received(long size, String sha256) {}

  private final long size;
  private final MessageDigest sent = sha256();
  private final AtomicBoolean opened = new AtomicBoolean();
  private final HttpRequest.BodyPublisher body;

  StreamedFile(long size, long seed) {
    this.size = size;
    this.body = HttpRequest.BodyPublishers.ofInputStream(() -> {
      // One stream, read once: the file exists only as it is sent.
      if (!opened.compareAndSet(false, true)) {
        throw new IllegalStateException("The body was asked for twice");
      }
      return new DigestInputStream(new GeneratedContent(size, seed), sent);
    });
  }

  long size() {
    return size;
  }

  /** The request body: sent chunked, as its length is not declared. */
  HttpRequest.BodyPublisher body() {
    return body;
  }

  /** The request body with its length declared (a Content-Length); either this or {@link #body()}, once. */
  HttpRequest.BodyPublisher declaredBody() {
    return HttpRequest.BodyPublishers.fromPublisher(body, size);
  }

  /** The SHA-256 of what was sent; once the body has been sent. */
  String sentSha256() {
    return HexFormat.of().formatHex(sent.digest());
  }

  /** Reads {@code body} to its end, hashing it. */
  static Received hash(InputStream body) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    for (int n; (n = body.read(buffer)) >= 0; ) {
      digest.update(buffer, 0, n);
      size += n;
    }
    return new Received(size, HexFormat.of().formatHex(digest.digest()));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
