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
  /** Quiet: the compilers worked less than this share of a batch's time (summed over their threads). */
  static final double QUIET_SHARE = 0.02;

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
   * Round trips of the warm-up's file through {@code session}'s service only, in batches of {@value #QUIET_BATCH},
   * until its compilers worked less than {@value #QUIET_SHARE} of a batch's time, or {@code maxRequests} were made;
   * logs and answers how far it went. Nothing (null) when {@code maxRequests} is 0.
   */
  static Quieting untilQuiet(BlobBenchmark.Session session, JitWatch jit, int maxRequests, PrintStream log) {
    if (maxRequests == 0) {
      return null;
    }
    byte[] content = GeneratedContent.bytes(BlobBenchmarkOptions.WARM_UP_KIB * 1024, 2);
    byte[] received = new byte[content.length];
    long start = System.nanoTime();
    int made = 0;
    double share;
    double batchSeconds;
    double compiled = jit.compileMillis();
    do {
      long batchStart = System.nanoTime();
      for (int i = 0; i < QUIET_BATCH; i++) {
        BlobBenchmark.throughStorage(session, content, received, OperationCpu.NONE);
      }
      made += QUIET_BATCH;
      batchSeconds = (System.nanoTime() - batchStart) / 1e9;
      double compiledBefore = compiled;
      compiled = jit.compileMillis();
      share = (compiled - compiledBefore) / 1e3 / batchSeconds;
    } while (share >= QUIET_SHARE && made < maxRequests);
    Quieting quieting = new Quieting(made, Math.round(share * 1000) / 10.0, share < QUIET_SHARE);
    log.printf(Locale.ROOT, "Then %d more round trips through %s in %.1f s, %s: they worked %.1f%% of the last "
            + "batch's %.1f s%n", made, session.client().describe(), (System.nanoTime() - start) / 1e9,
        quieting.howItEnded(), share * 100, batchSeconds);
    return quieting;
  }

  /**
   * How the wait for quiet compilers ended.
   *
   * @param requests round trips made while waiting
   * @param lastBatchPercent the share of the last batch's time the compilers worked, in percent
   * @param quiet whether that was below {@link #QUIET_SHARE}, or the most round trips had been made
   */
  record Quieting(int requests, double lastBatchPercent, boolean quiet) {

    /** For the log and the report: whether the compilers fell quiet or the round trips ran out. */
    String howItEnded() {
      return quiet ? "until its JIT compilers were quiet" : "the most allowed, its JIT compilers still busy";
    }
  }
}
