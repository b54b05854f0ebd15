package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Files up and down, with bench/blobs' code ({@link FileWarmUp}, {@link BlobBenchmark#measure}): through
 * Storage against the same bytes straight to its blob store, and through the App API against the same file through
 * Storage. Each measured size gives two rows, upload and download.
 */
final class FileScenarios {

  static final String APP_GROUP = "App API versus Storage";
  static final long MIB = 1024L * 1024L;

  private final ProcessStats stats;
  private final int untilQuietRequests;
  private final PrintStream log;

  /** {@code untilQuietRequests}: see {@link BlobBenchmarkOptions#untilQuietRequests}. */
  FileScenarios(ProcessStats stats, int untilQuietRequests, PrintStream log) {
    this.stats = stats;
    this.untilQuietRequests = untilQuietRequests;
    this.log = log;
  }

  /**
   * Storage versus the store's own client (the Azure SDK, or java.nio for files), per size in MiB, once Storage's
   * compilers ({@code jit}) are quiet.
   */
  List<Comparison> storageVersusStore(BlobBenchmark.Session storage, JitWatch jit, Baseline store, String storeName,
      List<Integer> sizesMib, int warmUpRequests, int warmUpRounds, int rounds) {
    FileWarmUp.warmUp(storage, store, warmUpRequests, log);
    FileWarmUp.untilQuiet(storage, jit, untilQuietRequests, log);
    List<Comparison> rows = new ArrayList<>();
    for (int size : sizesMib) {
      rows.addAll(measure(InstanceScenarios.GROUP, storeName, storage, store, size, warmUpRounds,
          BlobBenchmarkOptions.roundsFor(size, rounds), Comparison.Target.throughput(BlobBenchmarkOptions.MIN_RATIO)));
    }
    return rows;
  }

  /**
   * Untimed round trips of a small file through the App API and through Storage, as before Storage's file rows, then
   * through the App API until the compilers of both services ({@code jit}) are quiet.
   */
  void warmUpApp(BlobBenchmark.Session app, BlobBenchmark.Session storage, JitWatch jit, int requests) {
    try (Baseline.ThroughApi direct = new Baseline.ThroughApi(storage)) {
      FileWarmUp.warmUp(app, direct, requests, log);
    }
    FileWarmUp.untilQuiet(app, jit, untilQuietRequests, log);
  }

  /** A certificate through the App API versus through Storage, both the sample app's data type. */
  List<Comparison> appVersusStorage(BlobBenchmark.Session app, BlobBenchmark.Session storage, int sizeMib,
      int warmUpRounds, int rounds) {
    try (Baseline.ThroughApi direct = new Baseline.ThroughApi(storage)) {
      return measure(APP_GROUP, "certificate via the App API", app, direct, sizeMib, warmUpRounds,
          BlobBenchmarkOptions.roundsFor(sizeMib, rounds),
          Comparison.Target.latency(AppScenarios.MAX_LATENCY_RATIO));
    }
  }

  private List<Comparison> measure(String group, String what, BlobBenchmark.Session subject, Baseline baseline,
      int sizeMib, int warmUpRounds, int rounds, Comparison.Target target) {
    ProcessStats.Start start = stats.start();
    long bytes = sizeMib * MIB;
    BlobResult result = BlobBenchmark.measure(what, subject, baseline, bytes, warmUpRounds, rounds,
        OperationCpu.NONE, log);
    Map<String, ProcessStats.Usage> usage = stats.since(start);
    String through = subject.client().describe();
    return List.of(
        Comparison.of(group, "upload " + sizeMib + " MiB " + what,
            Side.ofSingleRequests("POST .../data through " + through, result.storageUploadMs(), bytes),
            Side.ofSingleRequests(baseline.description(), result.baselineUploadMs(), bytes), target, usage),
        Comparison.of(group, "download " + sizeMib + " MiB " + what,
            Side.ofSingleRequests("GET .../data/{id} through " + through, result.storageDownloadMs(), bytes),
            Side.ofSingleRequests(baseline.description(), result.baselineDownloadMs(), bytes), target, usage));
  }
}
