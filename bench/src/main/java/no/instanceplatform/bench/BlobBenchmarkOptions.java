package no.instanceplatform.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a blob benchmark run does.
 *
 * @param sizesMib the file sizes, in MiB
 * @param stores the blob stores, each with a Storage of its own
 * @param rounds measured rounds per size of {@value #SMALL_MIB} MiB or more
 * @param smallRounds measured rounds per smaller size (cheap, and noisier, so more of them)
 * @param warmUpRequests round trips (upload, download, delete) of a {@value #WARM_UP_KIB} KiB file through Storage and
 *     directly before anything is measured, per store: Storage's per-request cost falls by about three quarters over
 *     its first thousand or so requests as the JIT compiles the request path, and a server runs warm
 * @param untilQuietRequests at most this many more round trips through Storage after those, in batches, until Storage's
 *     JIT compilers are quiet ({@link JitWatch}); 0 to measure after {@code warmUpRequests} whatever the compilers do
 * @param warmUp rounds per size before the measured ones, not counted
 * @param storageHeap Storage's -Xmx
 * @param pacedPauseMs when above 0, each size is also uploaded through Storage from a client that pauses this long
 *     after every 64 KiB ({@link PacedUploads})
 * @param quick a smoke run: its results are written as blobs-quick, not blobs-latest
 * @param results where the results are written, or null for nowhere
 */
record BlobBenchmarkOptions(List<Integer> sizesMib, List<Store> stores, int rounds, int smallRounds,
    int warmUpRequests, int untilQuietRequests, int warmUp, String storageHeap, int pacedPauseMs, boolean quick,
    Path results) {

  /** The size of the warm-up requests' file. */
  static final int WARM_UP_KIB = 64;

  /** The most round trips a full run makes until the compilers are quiet (here they were after 1,400 to 5,400). */
  static final int UNTIL_QUIET_REQUESTS = 30_000;

  /** Sizes below this many MiB get {@link #smallRounds}. */
  static final int SMALL_MIB = 16;
  /**
   * Small files get this many times the rounds by default. A 1 MiB round trip takes tens of milliseconds and one in
   * ten or so of them several times its median: with three times the rounds, the medians of unchanged code moved by a
   * fifth and more between runs (docs/PERFORMANCE.md).
   */
  static final int SMALL_ROUNDS_FACTOR = 20;
  /**
   * In the full run (bench/run) larger files get this many times the scenarios' rounds. A 100 MiB download's rounds
   * spread by a factor of up to two within one run; over five of them, its ratio came out at 0.69, 0.82 and 0.61 in
   * three runs with no change to its path (docs/PERFORMANCE.md).
   */
  static final int LARGE_ROUNDS_FACTOR = 3;
  /** The target: Storage's throughput at least this share of the baseline's. */
  static final double MIN_RATIO = 0.7;

  /** Where the blobs are. */
  enum Store {
    FILESYSTEM, AZURITE;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Store of(String id) {
      for (Store store : values()) {
        if (store.id().equals(id.trim())) {
          return store;
        }
      }
      throw new IllegalArgumentException("unknown store '" + id + "' (filesystem, azurite)");
    }
  }

  static final String USAGE = """
      usage: bench/blobs [--sizes=1,100] [--stores=filesystem,azurite] [--rounds=R] [--small-rounds=S]
                         [--warmup-requests=N] [--warmup-until-quiet=Q] [--warmup=W] [--storage-heap=512m]
                         [--paced=MS] [--quick] [--results=DIR]
        --sizes=MiB,...   file sizes in MiB (default 1,100)
        --stores=...      filesystem (files under Storage's data folder), azurite (started from .tools/)
        --rounds=R        measured rounds per size of 16 MiB or more (default 10; --quick 3)
        --small-rounds=S  measured rounds per smaller size (default 20 x rounds)
        --warmup-requests=N  round trips of a 64 KiB file per store before any measuring, to warm Storage's JIT
                          (default 1500; --quick 200)
        --warmup-until-quiet=Q  then at most Q more round trips through Storage, in batches, until its JIT
                          compilers are quiet (default 30000; --quick 0: not waited for)
        --warmup=W        warm-up rounds per size, not counted (default 2; --quick 1)
        --storage-heap=H  Storage's -Xmx (default 512m)
        --paced=MS        also upload each size through Storage from a client that pauses MS ms after every
                          64 KiB, its length declared up front (default 0: not done)
        --quick           a smoke run with fewer rounds; writes blobs-quick.* instead of blobs-latest.*
        --results=DIR     write blobs-latest.json and .md there
      BENCH_STORAGE_JVM_OPTIONS  more JVM options for Storage, e.g. a flight recording""";

  BlobBenchmarkOptions {
    if (sizesMib.isEmpty() || stores.isEmpty()) {
      throw new IllegalArgumentException("at least one size and one store");
    }
    if (sizesMib.stream().anyMatch(size -> size < 1 || size > 1024)) {
      throw new IllegalArgumentException("sizes are from 1 to 1024 MiB (the benchmark keeps a file twice in memory)");
    }
    if (rounds < 1 || smallRounds < 1 || warmUp < 0 || warmUpRequests < 0 || untilQuietRequests < 0
        || pacedPauseMs < 0) {
      throw new IllegalArgumentException("rounds must be positive, and warm-up rounds and pauses not negative");
    }
    sizesMib = List.copyOf(sizesMib);
    stores = List.copyOf(stores);
  }

  static BlobBenchmarkOptions parse(String[] args) {
    List<Integer> sizes = List.of(1, 100);
    List<Store> stores = List.of(Store.FILESYSTEM, Store.AZURITE);
    Integer rounds = null;
    Integer smallRounds = null;
    Integer warmUp = null;
    Integer warmUpRequests = null;
    Integer untilQuiet = null;
    String heap = "512m";
    int paced = 0;
    boolean quick = false;
    Path results = null;
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
        case "--sizes" -> {
          List<Integer> parsed = new ArrayList<>();
          for (String size : value.split(",")) {
            parsed.add(number(arg, size));
          }
          sizes = List.copyOf(new LinkedHashSet<>(parsed));
        }
        case "--stores" -> {
          List<Store> parsed = new ArrayList<>();
          for (String store : value.split(",")) {
            parsed.add(Store.of(store));
          }
          stores = List.copyOf(new LinkedHashSet<>(parsed));
        }
        case "--rounds" -> rounds = number(arg, value);
        case "--small-rounds" -> smallRounds = number(arg, value);
        case "--warmup" -> warmUp = number(arg, value);
        case "--warmup-requests" -> warmUpRequests = number(arg, value);
        case "--warmup-until-quiet" -> untilQuiet = number(arg, value);
        case "--storage-heap" -> {
          if (!value.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("'" + arg + "' needs a heap size such as 512m");
          }
          heap = value;
        }
        case "--paced" -> paced = number(arg, value);
        case "--quick" -> quick = true;
        case "--results" -> results = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    int measured = rounds != null ? rounds : quick ? 3 : 10;
    return new BlobBenchmarkOptions(sizes, stores, measured,
        smallRounds != null ? smallRounds : SMALL_ROUNDS_FACTOR * measured,
        warmUpRequests != null ? warmUpRequests : quick ? 200 : 1500,
        untilQuiet != null ? untilQuiet : quick ? 0 : UNTIL_QUIET_REQUESTS, warmUp != null ? warmUp : quick ? 1 : 2,
        heap, paced, quick, results);
  }

  int roundsFor(int sizeMib) {
    return sizeMib < SMALL_MIB ? smallRounds : rounds;
  }

  /** The full run's rounds of a file: {@link #SMALL_ROUNDS_FACTOR} or {@link #LARGE_ROUNDS_FACTOR} times its rounds. */
  static int roundsFor(int sizeMib, int rounds) {
    return (sizeMib < SMALL_MIB ? SMALL_ROUNDS_FACTOR : LARGE_ROUNDS_FACTOR) * rounds;
  }

  String resultsName() {
    return quick ? "blobs-quick" : "blobs-latest";
  }

  private static int number(String arg, String value) {
    try {
      return Integer.parseInt(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + arg + "' needs whole numbers");
    }
  }
}
