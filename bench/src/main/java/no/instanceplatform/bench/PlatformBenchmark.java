package no.instanceplatform.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.testkit.Azurite;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * The whole benchmark ({@code bench/run}): Storage and the App API as deployed, each its runnable jar in a JVM of its
 * own on loopback, over the metadata store (the emulator in a process of its own, or {@code MONGODB_URI}) and the blob
 * store (Azurite, or files); every scenario against its baseline in the same run (Storage against the store's own
 * client, the App API against Storage, a deep query page against page 1), the memory scenario, and the JMH
 * benchmarks of the in-process hot paths. Writes {@code bench/results/latest.json} and the table of
 * docs/PERFORMANCE.md.
 *
 * <p>Exit code: 0 when every answer was right and every target met, 2 when a target was missed, 1 when an answer was
 * wrong or the run failed, 64 for a bad command line.
 */
public final class PlatformBenchmark {

  private PlatformBenchmark() {}

  public static void main(String[] args) {
    // Before anything logs.
    CommandLine.useBenchLogging();
    RunOptions options = CommandLine.parse(args, RunOptions.USAGE,
        line -> RunOptions.parse(line, System.getenv(), Path.of("").toAbsolutePath())).orElse(null);
    if (options == null) {
      return;
    }
    RunReport report = CommandLine.runOrExit(() -> run(options, System.out));
    System.out.println();
    System.out.print(report.markdown());
    report.write(options.results(), options.resultsName(), options.docs());
    System.out.println("\nWritten: " + options.results().resolve(options.resultsName() + ".json")
        + (options.docs() == null ? "" : " and the table in " + options.docs()));
    System.exit(report.targetsMissed() == 0 ? 0 : 2);
  }

  /** Runs every scenario and reports; progress goes to {@code log}. A wrong answer throws. */
  static RunReport run(RunOptions options, PrintStream log) {
    long started = System.nanoTime();
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    double loadAtStart = BenchmarkReport.Machine.loadAverage();
    // Before the run writes its JMH results, a tracked file, which would mark every full run as changed.
    String commit = commit();
    List<Comparison> rows = new ArrayList<>();
    List<QueryPlan> plans = new ArrayList<>();
    MemoryScenario memory = null;
    String metadataStore = "-";
    String blobStore = "-";
    String services = "-";
    if (options.jmh() != RunOptions.Jmh.ONLY) {
      boolean azurite = options.azurite() && Azurite.findLauncher().isPresent();
      if (options.azurite() && !azurite) {
        log.println("warning: " + Azurite.notInstalled() + "; the files go to the file system instead");
      }
      try (MetadataStore store = MetadataStore.start(options.mongoUri(), options.emulatorHeap());
          Azurite blobs = azurite ? Azurite.start() : null;
          StorageServer storage = StorageServer.start(new StorageServer.Config(options.serviceHeap(),
              blobs == null ? null : blobs.connectionString(), store.uri(),
              ServiceProcess.options(System.getenv("BENCH_STORAGE_JVM_OPTIONS"))));
          AppApiServer app = AppApiServer.start(storage, options.serviceHeap(),
              ServiceProcess.options(System.getenv("BENCH_APP_API_JVM_OPTIONS")));
          Baseline blobBaseline = blobs == null ? new Baseline.FileSystem()
              : new Baseline.Azure(blobs.connectionString())) {
        metadataStore = store.description();
        blobStore = blobs == null ? "files under Storage's data folder; baseline: " + blobBaseline.description()
            : "Azurite " + blobs.version() + " (" + BlobBenchmark.nodeVersion() + "); baseline: "
                + blobBaseline.description();
        services = String.format(Locale.ROOT, "Storage (%s) and the App API (%s), each in a JVM of its own with "
                + "-Xmx%s (and -Xms the same, as deployed), on loopback", ServiceJar.STORAGE.find().getFileName(),
            ServiceJar.APP_API.find().getFileName(), options.serviceHeap());
        log.printf("Storage (pid %d) on %s, the App API (pid %d) on %s; metadata: %s; files: %s%n", storage.pid(),
            storage.baseUrl(), app.process().pid(), app.baseUrl(), metadataStore, blobStore);
        ProcessStats stats = watch(storage, app, store, blobs);
        Measured measured = scenarios(options, store, storage, app, blobBaseline,
            blobs == null ? "files" : "Azurite", stats, log);
        rows.addAll(measured.rows());
        plans.addAll(measured.plans());
        memory = MemoryScenario.run(certificates(DataClient.forApp(app.baseUrl(), AppApiServer.APP),
                new DataClient(storage.baseUrl())), List.of(storage.process(), app.process()),
            options.serviceHeap(), options.memoryMib(), stats, log);
      }
    }
    List<JmhRun.Score> jmh = options.jmh() == RunOptions.Jmh.SKIP ? List.of()
        : JmhRun.run(options.quick(), options.results().resolve("jmh-" + options.resultsName() + ".json"), log);
    return new RunReport("Storage and App API versus their baselines", date, options.quick(), commit,
        metadataStore, blobStore, services, BenchmarkReport.Machine.current(loadAtStart),
        Math.round((System.nanoTime() - started) / 1e8) / 10.0, options.warmUpRounds(), options.rounds(), rows,
        plans, memory, jmh);
  }

  /** The rows of the scenarios, and how a MongoDB ran the driver's queries among their baselines. */
  private record Measured(List<Comparison> rows, List<QueryPlan> plans) {}

  private static Measured scenarios(RunOptions options, MetadataStore store, StorageServer storage,
      AppApiServer app, Baseline blobBaseline, String blobStoreName, ProcessStats stats, PrintStream log) {
    List<Comparison> rows = new ArrayList<>();
    List<QueryPlan> plans = new ArrayList<>();
    // The query first: it needs a store without instances, and the others' instances of party 501337 would change
    // what its pages hold.
    log.printf("Query: loading %,d instances%n", options.instances());
    InstanceLoader.Loaded loaded = QueryScenarios.load(store, options.instances(), log);
    QueryScenarios queries = new QueryScenarios(new QueryClient(storage.port()), options.queryOptions(), store,
        stats, log);
    rows.addAll(queries.run(loaded));
    plans.addAll(queries.plans());

    log.printf("Instances: %d clients, %d requests a round%n", options.clients(), options.requests());
    DataClient storageApi = new DataClient(storage.baseUrl());
    InstanceScenarios instances = new InstanceScenarios(storageApi, store, new Versus(options.clients(),
        options.requests(), options.warmUpRounds(), options.rounds(), stats, log));
    JitWatch storageJit = new JitWatch(List.of(storage.baseUrl()));
    instances.warmUp(storageJit, options.instanceWarmUpRequests(), log);
    rows.add(instances.create());
    rows.add(instances.get());
    rows.add(instances.httpFloor());
    plans.addAll(instances.plans());

    log.println("Files through Storage versus " + blobStoreName);
    FileScenarios files = new FileScenarios(stats, options.untilQuietRequests(), log);
    rows.addAll(files.storageVersusStore(BlobBenchmark.Session.open(storage), storageJit, blobBaseline, blobStoreName,
        options.fileSizesMib(), options.fileWarmUpRequests(), options.warmUpRounds(), options.rounds()));

    log.printf("The App API versus Storage: %d client(s), %d requests a round%n", options.appClients(),
        options.appRequests());
    DataClient appApi = DataClient.forApp(app.baseUrl(), AppApiServer.APP);
    AppScenarios appScenarios = new AppScenarios(appApi, storageApi, new Versus(options.appClients(),
        options.appRequests(), options.warmUpRounds(), options.rounds(), stats, log));
    BlobBenchmark.Session appFiles = certificates(appApi, storageApi);
    BlobBenchmark.Session storageFiles = certificates(storageApi, storageApi);
    // Storage is warm from the scenarios before; the App API has served nothing yet.
    appScenarios.warmUp(options.appWarmUpRequests(), log);
    files.warmUpApp(appFiles, storageFiles, new JitWatch(List.of(app.baseUrl(), storage.baseUrl())),
        options.fileWarmUpRequests());
    rows.add(appScenarios.create());
    rows.add(appScenarios.createAgainstBareCreate());
    rows.add(appScenarios.get());
    rows.addAll(files.appVersusStorage(appFiles, storageFiles, 1, options.warmUpRounds(), options.rounds()));
    return new Measured(rows, plans);
  }

  /**
   * Certificates (the sample app's file data type) on a new instance made through {@code api}, as user 1337;
   * {@code storage} issues the token.
   */
  private static BlobBenchmark.Session certificates(DataClient api, DataClient storage) {
    String token = storage.userToken(DataClient.USER);
    return new BlobBenchmark.Session(api, api.createInstance(AppApiServer.APP, token), token, "certificate",
        new DataClient.FileType("application/pdf", "c.pdf"));
  }

  private static ProcessStats watch(StorageServer storage, AppApiServer app, MetadataStore store, Azurite blobs) {
    ProcessStats stats = new ProcessStats().watch("storage", storage.pid()).watch("app-api", app.process().pid());
    store.emulator().ifPresent(emulator -> stats.watch("emulator", emulator.pid()));
    if (blobs != null) {
      stats.watch("azurite", blobs::processes);
    }
    return stats.watch("bench client", ProcessHandle.current().pid());
  }

  /** The commit measured, with {@code +changes} when the work tree differs from it; {@code unknown} without git. */
  private static String commit() {
    try {
      String head = git("rev-parse", "--short", "HEAD");
      return head.isEmpty() ? "unknown" : head + (git("status", "--porcelain", "--untracked-files=no").isEmpty()
          ? "" : "+changes");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String git(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? output : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
