package no.instanceplatform.bench;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Uploads through Storage from a client slower than loopback, as a browser on a real network is: the file's length
 * declared up front, its bytes {@value #CHUNK} at a time with a pause after each. The client's own sending takes at
 * least the pauses; what Storage adds is the time past them, which is where a store that waits for the whole file
 * before it sends any of it on loses the time its own transfer takes.
 */
final class PacedUploads {

  /** The bytes the client sends between two pauses. */
  static final int CHUNK = 64 * 1024;

  private PacedUploads() {}

  /**
   * The upload times of one size, and the pauses every upload of it includes.
   *
   * @param pausesMs the client's pauses in one upload: one between every two chunks
   * @param pastPausesMs the median upload time less the pauses
   */
  record Result(String store, long sizeBytes, int pauseMs, int rounds, double medianMs, double pausesMs,
      double pastPausesMs, List<Double> uploadMs) {}

  /** Uploads {@code size} bytes, paced, {@code warmUp} times untimed and {@code rounds} times timed. */
  static Result measure(String store, BlobBenchmark.Session session, long size, int pauseMs, int warmUp, int rounds,
      PrintStream log) {
    byte[] content = GeneratedContent.bytes(Math.toIntExact(size), size);
    List<Double> times = new ArrayList<>();
    for (int round = 0; round < warmUp + rounds; round++) {
      long start = System.nanoTime();
      DataClient.Element element = session.client().upload(session.instance(), session.dataType(), session.type(),
          paced(content, pauseMs), session.token());
      double millis = (System.nanoTime() - start) / 1e6;
      if (element.size() != content.length) {
        throw new IllegalStateException("Storage recorded " + element.size() + " bytes of " + content.length);
      }
      session.client().delete(session.instance(), element.id(), session.token());
      if (round >= warmUp) {
        times.add(millis);
      }
    }
    double median = BlobResult.median(times);
    double pauses = (double) pauseMs * ((content.length + CHUNK - 1) / CHUNK - 1);
    Result result = new Result(store, size, pauseMs, rounds, BlobResult.round(median, 2), pauses,
        BlobResult.round(median - pauses, 2), BlobResult.rounded(times));
    log.printf(Locale.ROOT, "%s %d MiB paced (%d ms after every 64 KiB), %d rounds: %.1f ms, %.1f ms past the "
        + "client's pauses%n", store, size >> 20, pauseMs, rounds, result.medianMs(), result.pastPausesMs());
    return result;
  }

  /** The content with its length declared, handed to the client a chunk at a time with a pause before each next. */
  static HttpRequest.BodyPublisher paced(byte[] content, int pauseMs) {
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> new PacedStream(content, pauseMs)), content.length);
  }

  private static final class PacedStream extends InputStream {

    private final byte[] content;
    private final int pauseMs;
    private int position;

    PacedStream(byte[] content, int pauseMs) {
      this.content = content;
      this.pauseMs = pauseMs;
    }

    @Override
    public int read() throws InterruptedIOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
      if (length == 0) {
        return 0;
      }
      if (position == content.length) {
        return -1;
      }
      if (position > 0 && position % CHUNK == 0) {
        pause();
      }
      int n = Math.min(length, Math.min(content.length - position, CHUNK - position % CHUNK));
      System.arraycopy(content, position, buffer, offset, n);
      position += n;
      return n;
    }

    private void pause() throws InterruptedIOException {
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted between two chunks");
      }
    }
  }
}
