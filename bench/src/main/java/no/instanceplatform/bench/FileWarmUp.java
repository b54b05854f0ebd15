package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Untimed round trips of a small file before a file scenario's rounds: through the service and directly, so that
 * both sides run compiled code, then through the service alone until its JIT compilers are quiet ({@link JitWatch}).
 */
final class FileWarmUp {

  /** Round trips between two readings of the compilers' time. */
  static final int QUIET_BATCH = 200;

  private FileWarmUp() {}

  /**
   * Round trips of a small file through Storage and directly, untimed, so that both run compiled code: Storage's
   * per-request cost falls by about three quarters over its first thousand or so requests. Logs the median round
   * trip through Storage of the first and the last hundred, to show how far it came, and its slowest requests: a
   * stall that a median hides (once, one download in 500 waited for Tomcat's 60 s connection timeout) shows there.
   */
  static void warmUp(BlobBenchmark.Session session, Baseline baseline, int requests, PrintStream log) {
    if (requests == 0) {
      return;
    }
    long start = System.nanoTime();
    byte[] content = GeneratedContent.bytes(BlobBenchmarkOptions.WARM_UP_KIB * 1024, 1);
    byte[] received = new byte[content.length];
    List<Double> roundTrips = new ArrayList<>();
    double[] spent = new double[6];
    double[] slowest = new double[3];
    for (int i = 0; i < requests; i++) {
      double[] storage = BlobBenchmark.throughStorage(session, content, received, OperationCpu.NONE);
      double[] direct = BlobBenchmark.direct(baseline, "warm-up", content, received, OperationCpu.NONE);
      roundTrips.add(storage[0] + storage[1]);
      for (int k = 0; k < 3; k++) {
        spent[k] += storage[k];
        spent[3 + k] += direct[k];
        slowest[k] = Math.max(slowest[k], storage[k]);
      }
    }
    int batch = Math.min(100, requests);
    log.printf(Locale.ROOT, "Warmed up with %d round trips of %d KiB in %.1f s (through Storage, upload and download: "
            + "median %.1f ms in the first %d, %.1f ms in the last; in all, Storage: upload %.1f s, download %.1f s, "
            + "delete %.1f s, the slowest %.0f, %.0f and %.0f ms; direct: upload %.1f s, download %.1f s, "
            + "delete %.1f s)%n", requests,
        BlobBenchmarkOptions.WARM_UP_KIB, (System.nanoTime() - start) / 1e9,
        BlobResult.median(roundTrips.subList(0, batch)), batch,
        BlobResult.median(roundTrips.subList(requests - batch, requests)), spent[0] / 1e3, spent[1] / 1e3,
        spent[2] / 1e3, slowest[0], slowest[1], slowest[2], spent[3] / 1e3, spent[4] / 1e3, spent[5] / 1e3);
  }

  /**
   * Round trips of the warm-up's file through {@code session}'s service only, in batches of
   * {@value #QUIET_BATCH}, until its compilers are quiet ({@link JitWatch#untilQuiet}) or {@code maxRequests}
   * were made; logs and answers how far it went. Nothing (null) when {@code maxRequests} is 0.
   */
  static JitWatch.Quieting untilQuiet(BlobBenchmark.Session session, JitWatch jit, int maxRequests, PrintStream log) {
    if (maxRequests == 0) {
      return null;
    }
    byte[] content = GeneratedContent.bytes(BlobBenchmarkOptions.WARM_UP_KIB * 1024, 2);
    byte[] received = new byte[content.length];
    long start = System.nanoTime();
    JitWatch.Quieting quieting = jit.untilQuiet(QUIET_BATCH, () -> {
      for (int i = 0; i < QUIET_BATCH; i++) {
        BlobBenchmark.throughStorage(session, content, received, OperationCpu.NONE);
      }
    }, maxRequests);
    log.printf(Locale.ROOT, "Then %d more round trips through %s in %.1f s, %s: they worked %.1f%% of the last "
            + "batch's time%n", quieting.requests(), session.client().describe(), (System.nanoTime() - start) / 1e9,
        quieting.howItEnded(), quieting.lastBatchPercent());
    return quieting;
  }
}
