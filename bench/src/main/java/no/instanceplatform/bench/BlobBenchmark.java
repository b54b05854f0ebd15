package no.instanceplatform.bench;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.testkit.Azurite;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * The blob benchmark: how fast files go up and come down through Storage's data element API, against the same bytes
 * written to and read from the same blob store directly (the Azure SDK's {@code BlobClient} for Azurite, java.nio
 * for the file system), in the same run. Run it with {@code bench/blobs}; results go to {@code bench/results/} and
 * docs/PERFORMANCE.md.
 *
 * <p>Storage runs as it is deployed, its runnable jar in a JVM of its own ({@link StorageServer}), so that the
 * client's work (making and checking the files) and Storage's do not share a heap, a garbage collector or JIT
 * profiles, and Storage's figures are those of its own process with its own -Xmx. Each round uploads a file through
 * Storage ({@code POST .../data?dataType=file}, the bytes from memory with a Content-Length, until the 201) and
 * downloads it (until its last byte, into memory), then does the same directly; which of the two goes first
 * alternates by round. Every download is compared byte for byte with its upload, outside the timed part; files are
 * deleted after each round, also untimed.
 *
 * <p>Exit code: 0 when every file came back whole and the target was met, 2 when the target was missed, 1 when a
 * file came back wrong or the run failed, 64 for a bad command line.
 */
public final class BlobBenchmark {

  static final String APP = "ttd/blob-bench";
  static final String DATA_TYPE = "file";
  private static final long MIB = 1024L * 1024L;
  private static final String UPLOAD_THROUGH_STORAGE = "upload through Storage";
  private static final String UPLOAD_DIRECT = "upload direct";
  private static final String DOWNLOAD_THROUGH_STORAGE = "download through Storage";
  private static final String DOWNLOAD_DIRECT = "download direct";

  private BlobBenchmark() {}

  public static void main(String[] args) {
    // Before anything logs.
    CommandLine.useBenchLogging();
    BlobBenchmarkOptions options = CommandLine.parse(args, BlobBenchmarkOptions.USAGE, BlobBenchmarkOptions::parse)
        .orElse(null);
    if (options == null) {
      return;
    }
    BlobReport report = CommandLine.runOrExit(() -> run(options, System.out));
    System.out.println();
    System.out.print(report.markdown());
    if (options.results() != null) {
      report.write(options.results(), options.resultsName());
      System.out.println("\nWritten: " + options.results().resolve(options.resultsName() + ".json") + " and .md");
    }
    System.exit(report.targetMet() ? 0 : 2);
  }

  /** Runs the whole benchmark and reports; progress goes to {@code log}. A file that came back wrong throws. */
  static BlobReport run(BlobBenchmarkOptions options, PrintStream log) {
    long started = System.nanoTime();
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    double loadAtStart = BenchmarkReport.Machine.loadAverage();
    List<String> jvmOptions = ServiceProcess.options(System.getenv("BENCH_STORAGE_JVM_OPTIONS"));
    List<BlobReport.StoreRun> stores = new ArrayList<>();
    List<BlobResult> results = new ArrayList<>();
    List<PacedUploads.Result> paced = new ArrayList<>();
    for (BlobBenchmarkOptions.Store store : options.stores()) {
      try (Azurite azurite = store == BlobBenchmarkOptions.Store.AZURITE ? Azurite.start() : null) {
        StorageServer.Config config = (azurite == null ? StorageServer.Config.fileSystem(options.storageHeap())
            : StorageServer.Config.azure(options.storageHeap(), azurite.connectionString())).withJvmOptions(jvmOptions);
        long starting = System.nanoTime();
        try (StorageServer storage = StorageServer.start(config);
            Baseline baseline = azurite == null ? new Baseline.FileSystem()
                : new Baseline.Azure(azurite.connectionString())) {
          double startSeconds = Math.round((System.nanoTime() - starting) / 1e8) / 10.0;
          String description = azurite == null ? "files under Storage's data folder (" + storage.blobRoot() + ")"
              : "Azurite " + azurite.version() + " (" + nodeVersion() + "), blobs on disk in a temporary folder";
          log.printf("%s: Storage (pid %d) on port %d, started in %.1f s; %s%n", store.id(), storage.pid(),
              storage.port(), startSeconds, description);
          Session session = Session.open(storage);
          FileWarmUp.warmUp(session, baseline, options.warmUpRequests(), log);
          JitWatch.Quieting quieting = FileWarmUp.untilQuiet(session, new JitWatch(List.of(storage.baseUrl())),
              options.untilQuietRequests(), log);
          stores.add(new BlobReport.StoreRun(store.id(), description, baseline.description(), startSeconds,
              quieting));
          ProcessStats processes = watch(storage, azurite);
          for (int sizeMib : options.sizesMib()) {
            results.add(measure(store.id(), session, baseline, sizeMib * MIB, options.warmUp(),
                options.roundsFor(sizeMib), new OperationCpu(processes), log));
          }
          if (options.pacedPauseMs() > 0) {
            for (int sizeMib : options.sizesMib()) {
              paced.add(PacedUploads.measure(store.id(), session, sizeMib * MIB, options.pacedPauseMs(),
                  options.warmUp(), options.roundsFor(sizeMib), log));
            }
          }
          if (!storage.isAlive() || storage.log().contains("OutOfMemoryError")) {
            throw new IllegalStateException("Storage died or ran out of memory:\n"
                + ServiceProcess.tail(storage.log(), 4_000));
          }
        }
      }
    }
    boolean targetMet = results.stream().allMatch(result -> result.meets(BlobBenchmarkOptions.MIN_RATIO));
    String storage = String.format(Locale.ROOT, "%s in its own JVM, -Xmx%s (and -Xms the same, as deployed), metadata "
        + "in the embedded MongoDB emulator in memory", ServiceJar.STORAGE.find().getFileName(), options.storageHeap());
    return new BlobReport("blob upload and download through Storage versus direct", date, storage,
        options.warmUpRequests(), stores,
        BenchmarkReport.Machine.current(loadAtStart), BlobBenchmarkOptions.MIN_RATIO, targetMet,
        Math.round((System.nanoTime() - started) / 1e8) / 10.0, results, paced);
  }

  /** Storage, Azurite (its launcher and Node) and this process, whose CPU time each operation is measured in. */
  private static ProcessStats watch(StorageServer storage, Azurite azurite) {
    ProcessStats processes = new ProcessStats().watch("Storage", storage.pid());
    if (azurite != null) {
      // Listed once: OperationCpu reads the processes before and after every operation, and listing Azurite's
      // children walks /proc; they do not change while it runs.
      List<ProcessHandle> azuriteProcesses = azurite.processes();
      processes.watch("Azurite", () -> azuriteProcesses);
    }
    return processes.watch("client", ProcessHandle.current().pid());
  }

  /**
   * Where files go: an API (Storage's, or an app's on the App API), an instance, the data type and kind of file, and
   * a user's token.
   */
  record Session(DataClient client, String instance, String token, String dataType, DataClient.FileType type) {

    /** Storage's API, with an app of its own that has a data type for files of any size, and an instance of it. */
    static Session open(StorageServer storage) {
      DataClient client = new DataClient(storage.baseUrl());
      client.registerApp(APP, DATA_TYPE, client.appDeployToken("ttd"));
      String token = client.userToken(DataClient.USER);
      return new Session(client, client.createInstance(APP, token), token, DATA_TYPE, DataClient.FileType.BINARY);
    }
  }

  /** Measures {@code size} up and down, the CPU time of each operation of the counted rounds into {@code cpu}. */
  static BlobResult measure(String store, Session session, Baseline baseline, long size, int warmUp,
      int rounds, OperationCpu cpu, PrintStream log) {
    byte[] content = GeneratedContent.bytes(Math.toIntExact(size), size);
    byte[] received = new byte[content.length];
    List<Double> storageUp = new ArrayList<>();
    List<Double> storageDown = new ArrayList<>();
    List<Double> directUp = new ArrayList<>();
    List<Double> directDown = new ArrayList<>();
    int checked = 0;
    for (int round = 0; round < warmUp + rounds; round++) {
      boolean counted = round >= warmUp;
      for (int turn = 0; turn < 2; turn++) {
        // Storage first in even rounds, the baseline first in odd ones, so that neither always goes first.
        if ((turn == 0) == (round % 2 == 0)) {
          double[] times = throughStorage(session, content, received, counted ? cpu : OperationCpu.NONE);
          if (counted) {
            storageUp.add(times[0]);
            storageDown.add(times[1]);
          }
        } else {
          double[] times = direct(baseline, "round-" + round, content, received,
              counted ? cpu : OperationCpu.NONE);
          if (counted) {
            directUp.add(times[0]);
            directDown.add(times[1]);
          }
        }
        checked++;
      }
    }
    BlobResult result = BlobResult.of(store, size, warmUp, storageUp, storageDown, directUp, directDown, checked,
        cpu.meanMillis());
    log.printf(Locale.ROOT, "%s %d MiB, %d rounds: upload %.1f vs %.1f MB/s (%.2f), download %.1f vs %.1f MB/s "
            + "(%.2f)%n", store, size / MIB, rounds, result.storageUploadMBps(), result.baselineUploadMBps(),
        result.uploadRatio(), result.storageDownloadMBps(), result.baselineDownloadMBps(), result.downloadRatio());
    return result;
  }

  /** Upload, download and delete through Storage's API: their times in milliseconds. */
  static double[] throughStorage(Session session, byte[] content, byte[] received, OperationCpu cpu) {
    DataClient client = session.client();
    cpu.begin();
    long start = System.nanoTime();
    DataClient.Element element = client.upload(session.instance(), session.dataType(), session.type(),
        HttpRequest.BodyPublishers.ofByteArray(content), session.token());
    double up = (System.nanoTime() - start) / 1e6;
    cpu.end(UPLOAD_THROUGH_STORAGE);
    if (element.size() != content.length) {
      throw new IllegalStateException("Storage recorded " + element.size() + " bytes of " + content.length);
    }
    Arrays.fill(received, (byte) 0);
    cpu.begin();
    start = System.nanoTime();
    long count = client.downloadInto(session.instance(), element.id(), session.token(), received);
    double down = (System.nanoTime() - start) / 1e6;
    cpu.end(DOWNLOAD_THROUGH_STORAGE);
    check("Storage", count, content, received);
    start = System.nanoTime();
    client.delete(session.instance(), element.id(), session.token());
    return new double[] {up, down, (System.nanoTime() - start) / 1e6};
  }

  /** Upload, download and delete straight in the store: their times in milliseconds. */
  static double[] direct(Baseline baseline, String name, byte[] content, byte[] received, OperationCpu cpu) {
    cpu.begin();
    long start = System.nanoTime();
    baseline.upload(name, content);
    double up = (System.nanoTime() - start) / 1e6;
    cpu.end(UPLOAD_DIRECT);
    Arrays.fill(received, (byte) 0);
    cpu.begin();
    start = System.nanoTime();
    long count = baseline.download(name, received);
    double down = (System.nanoTime() - start) / 1e6;
    cpu.end(DOWNLOAD_DIRECT);
    check("The direct read", count, content, received);
    start = System.nanoTime();
    baseline.delete(name);
    return new double[] {up, down, (System.nanoTime() - start) / 1e6};
  }

  private static void check(String who, long count, byte[] content, byte[] received) {
    if (count != content.length) {
      throw new IllegalStateException(who + " gave " + count + " bytes of " + content.length);
    }
    if (!Arrays.equals(content, received)) {
      throw new IllegalStateException(who + " gave other bytes than were uploaded (first difference at byte "
          + Arrays.mismatch(content, received) + ")");
    }
  }

  static String nodeVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0 ? "Node.js " + version : "Node.js";
    } catch (Exception e) {
      return "Node.js";
    }
  }
}
