package no.instanceplatform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request whose body is sent but for its last bytes, which wait until {@link #finish}: the server holds the request
 * (and whatever it has taken for it) meanwhile. Sent on a virtual thread of its own.
 */
public final class HeldBackRequest {

  private final CountDownLatch mostSent = new CountDownLatch(1);
  private final CountDownLatch finish = new CountDownLatch(1);
  private final CompletableFuture<Integer> status;

  /**
   * Starts {@code method} to {@code url} with the body's length declared, or in chunks; all but its last
   * {@code heldBack} bytes are sent at once.
   */
  public HeldBackRequest(String method, URI url, String token, String contentType, byte[] body, int heldBack,
      boolean chunked) {
    status = CompletableFuture.supplyAsync(() -> send(method, url, token, contentType, body, heldBack, chunked),
        Thread::startVirtualThread);
  }

  /** Waits until all but the held-back bytes are sent. */
  public void awaitMostSent() throws InterruptedException {
    if (!mostSent.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The request's body was not sent within 10 s");
    }
  }

  /** Sends the rest of the body and answers the response's status. */
  public int finish() throws Exception {
    finish.countDown();
    return status.get(30, TimeUnit.SECONDS);
  }

  private int send(String method, URI url, String token, String contentType, byte[] body, int heldBack,
      boolean chunked) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setDoOutput(true);
      if (chunked) {
        connection.setChunkedStreamingMode(1024);
      } else {
        connection.setFixedLengthStreamingMode(body.length);
      }
      connection.setRequestProperty("Content-Type", contentType);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body, 0, body.length - heldBack);
        out.flush();
        mostSent.countDown();
        finish.await();
        out.write(body, body.length - heldBack, heldBack);
      }
      int code = connection.getResponseCode();
      try (InputStream answer = code < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        answer.readAllBytes();
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
