package no.instanceplatform.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench/run} does: every scenario against its baseline, with these sizes.
 *
 * @param quick a smoke run of the whole benchmark (under two minutes on a quiet machine), with fewer and smaller
 *     rounds; its report says so
 * @param jmh whether the JMH benchmarks run: with the services ({@code INCLUDE}), not at all, or alone
 * @param mongoUri a MongoDB connection string, or null for the emulator (in a process of its own)
 * @param azurite blobs in Azurite (compared with the Azure SDK), otherwise in files (compared with java.nio)
 * @param serviceHeap the -Xmx of Storage and of the App API, for every scenario (the memory one is about it)
 * @param emulatorHeap the emulator's -Xmx (it keeps the query data set on its heap)
 * @param instances the query data set
 * @param deepPage the deep page of the queries, at 100 a page
 * @param clients the clients of the instance scenarios against the store (the 16)
 * @param requests requests per round and side of those
 * @param appClients the clients of the App API scenarios, which are about latency: one, unless told
 * @param appRequests requests per round and side of those
 * @param warmUpRounds rounds before the measured ones, per scenario
 * @param rounds measured rounds per scenario (files under {@value BlobBenchmarkOptions#SMALL_MIB} MiB:
 *     {@value BlobBenchmarkOptions#SMALL_ROUNDS_FACTOR} times as many)
 * @param fileWarmUpRequests untimed round trips of a 64 KiB file before the file scenarios, and again through the App
 *     API before its file rows (the JIT, see bench/blobs)
 * @param appWarmUpRequests untimed reads through the App API (and a tenth as many creates) before its scenarios
 * @param instanceWarmUpRequests at most this many untimed creates, reads and liveness probes through Storage before
 *     its instance rows, in batches until its compilers are quiet ({@link InstanceScenarios#warmUp}); 0 (--quick)
 *     measures without waiting
 * @param untilQuietRequests at most this many more untimed round trips of a file, in batches, until the compilers are
 *     quiet ({@link JitWatch#untilQuiet}): through Storage before its file rows, and through the App API before its
 *     file rows; 0 (--quick) measures without waiting
 * @param fileSizesMib the files through Storage versus the store (1 and 100 MiB; --quick 1 and 16)
 * @param memoryMib the file through the App API with both services at {@code serviceHeap}
 * @param results where latest.json (quick.json for a quick run) and the JMH results go
 * @param docs docs/PERFORMANCE.md, whose table between the markers is replaced (by a quick run only when given);
 *     null to leave it
 */
record RunOptions(boolean quick, Jmh jmh, String mongoUri, boolean azurite, String serviceHeap, String emulatorHeap,
    int instances, int deepPage, int clients, int requests, int appClients, int appRequests, int warmUpRounds,
    int rounds, int fileWarmUpRequests, int appWarmUpRequests, int instanceWarmUpRequests, int untilQuietRequests,
    List<Integer> fileSizesMib, int memoryMib, Path results, Path docs) {

  /** Whether JMH runs. */
  enum Jmh { INCLUDE, SKIP, ONLY }

  static final String USAGE = """
      usage: bench/run [--quick] [--jmh | --no-jmh | --jmh-only] [--blobs=azurite|filesystem] [--rounds=R]
                       [--instances=N] [--memory-mib=M] [--results=DIR] [--docs=FILE | --no-docs]
        --quick          a smoke run of every scenario (fewer, smaller rounds; 20,000 instances, page 100;
                         files of 1 and 16 MiB; 256 MiB for the memory scenario); JMH only with --jmh
        --jmh, --no-jmh  run the JMH benchmarks too (the default of a full run), or not
        --jmh-only       only the JMH benchmarks
        --blobs=...      azurite (the default; files when Azurite is not installed) or filesystem
        --rounds=R       measured rounds per scenario (default 5; --quick 3)
        --instances=N    the query data set (default 200,000; 1,000,000 with MONGODB_URI; --quick 20,000)
        --memory-mib=M   the file of the memory scenario (default 1024; --quick 256)
        --results=DIR    write latest.json there (--quick: quick.json)
        --docs=FILE      replace the table between the markers of this file (default docs/PERFORMANCE.md,
                         except for --quick)
        --no-docs        leave the docs alone
      MONGODB_URI        run against this MongoDB instead of the emulator""";

  RunOptions {
    fileSizesMib = List.copyOf(fileSizesMib);
    if (rounds < 1 || warmUpRounds < 0 || clients < 1 || requests < 1 || appClients < 1 || appRequests < 1
        || appWarmUpRequests < 0 || instanceWarmUpRequests < 0 || untilQuietRequests < 0) {
      throw new IllegalArgumentException("rounds, clients and requests must be positive");
    }
    if (memoryMib < 1 || memoryMib > 4096) {
      throw new IllegalArgumentException("the memory scenario's file is 1 to 4096 MiB");
    }
  }

  static RunOptions parse(String[] args, Map<String, String> env, Path root) {
    String uri = env.getOrDefault("MONGODB_URI", "").isBlank() ? null : env.get("MONGODB_URI").trim();
    boolean quick = List.of(args).contains("--quick");
    Jmh jmh = quick ? Jmh.SKIP : Jmh.INCLUDE;
    boolean azurite = true;
    Integer rounds = null;
    Integer instances = null;
    Integer memory = null;
    Path results = root.resolve("bench").resolve("results");
    // A quick run's figures do not replace a full run's: they go to quick.json, and into the docs only when asked.
    Path docs = quick ? null : root.resolve("docs").resolve("PERFORMANCE.md");
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
        case "--quick" -> { }
        case "--jmh" -> jmh = Jmh.INCLUDE;
        case "--no-jmh" -> jmh = Jmh.SKIP;
        case "--jmh-only" -> jmh = Jmh.ONLY;
        case "--blobs" -> azurite = switch (value) {
          case "azurite" -> true;
          case "filesystem" -> false;
          default -> throw new IllegalArgumentException("--blobs is azurite or filesystem, not '" + value + "'");
        };
        case "--rounds" -> rounds = number(arg, value);
        case "--instances" -> instances = number(arg, value);
        case "--memory-mib" -> memory = number(arg, value);
        case "--results" -> results = Path.of(value);
        case "--docs" -> docs = Path.of(value);
        case "--no-docs" -> docs = null;
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    int defaultInstances = quick ? 20_000 : uri != null ? 1_000_000 : 200_000;
    return new RunOptions(quick, jmh, uri, azurite, "256m", quick ? "1g" : "3g",
        instances != null ? instances : defaultInstances, quick ? 100 : 1000, 16, quick ? 320 : 2000, 1,
        quick ? 50 : 300, 1, rounds != null ? rounds : quick ? 3 : 5, quick ? 100 : 1500, quick ? 300 : 10_000,
        quick ? 0 : InstanceScenarios.MOST_WARM_UP_REQUESTS, quick ? 0 : BlobBenchmarkOptions.UNTIL_QUIET_REQUESTS,
        quick ? List.of(1, 16) : List.of(1, 100),
        memory != null ? memory : quick ? 256 : 1024, results, docs);
  }

  /** The results' file name: latest for a full run (the figures docs/PERFORMANCE.md quotes), quick otherwise. */
  String resultsName() {
    return quick ? "quick" : "latest";
  }

  /** bench/query's options for the query scenarios: its data set, deep page and rounds. */
  BenchmarkOptions queryOptions() {
    return new BenchmarkOptions(instances, rounds, deepPage, mongoUri, null);
  }

  private static int number(String arg, String value) {
    return BenchmarkOptions.number(arg, value);
  }
}
