package no.instanceplatform.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a benchmark run does.
 *
 * @param instances how many instances to load
 * @param rounds measured rounds per query (after one warm-up round)
 * @param deepPage the deep page to time, at {@link #PAGE_SIZE} per page (1,000; 100 with --quick)
 * @param mongoUri a MongoDB connection string, or null for the embedded emulator in memory
 * @param results where query-latest.json and query-latest.md are written, or null for nowhere
 */
record BenchmarkOptions(int instances, int rounds, int deepPage, String mongoUri, Path results) {

  /** The page size whose page 1 and deep page are timed: the API's default. */
  static final int PAGE_SIZE = 100;
  /** The page size of the walk to the deep page: the API's largest, so the walk takes the fewest requests. */
  static final int WALK_SIZE = 1000;

  static final String USAGE = """
      usage: bench/query [--instances=N] [--rounds=R] [--quick] [--results=DIR]
        --instances=N  instances to load (default 200,000 in the embedded emulator; 1,000,000 with MONGODB_URI)
        --rounds=R     measured rounds per query after one warm-up round (default 5)
        --quick        a smoke run: 20,000 instances, page 100 instead of page 1,000
        --results=DIR  write query-latest.json and .md there (--quick: query-quick.json and .md)
      MONGODB_URI      run against this MongoDB instead of the embedded emulator""";

  BenchmarkOptions {
    if (instances < 1 || rounds < 1 || deepPage < 2) {
      throw new IllegalArgumentException("instances and rounds must be positive and the deep page at least 2");
    }
    // Each query must match the deep page and one more page, so that the deep page is full and has a next link.
    long needed = (long) deepPage * PAGE_SIZE + PAGE_SIZE;
    long matches = InstanceLoader.matchesOfEachQuery(instances);
    if (matches < needed) {
      throw new IllegalArgumentException("--instances=" + instances + " is too few for page " + deepPage + ": each "
          + "query needs " + needed + " matches and gets " + matches);
    }
  }

  /** Reads the command line; MONGODB_URI (from {@code env}) picks the store and the default count. */
  static BenchmarkOptions parse(String[] args, Map<String, String> env) {
    String uri = env.getOrDefault("MONGODB_URI", "").isBlank() ? null : env.get("MONGODB_URI").trim();
    Integer instances = null;
    int rounds = 5;
    boolean quick = false;
    Path results = null;
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
        case "--instances" -> instances = number(arg, value);
        case "--rounds" -> rounds = number(arg, value);
        case "--quick" -> quick = true;
        case "--results" -> results = Path.of(value);
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    int defaultInstances = quick ? 20_000 : uri != null ? 1_000_000 : 200_000;
    return new BenchmarkOptions(instances != null ? instances : defaultInstances, rounds, quick ? 100 : 1000, uri,
        results);
  }

  /**
   * The results' file name: query-latest for a run to page 1,000 (the figures docs/PERFORMANCE.md quotes), so that
   * a smoke run does not overwrite them; query-quick otherwise.
   */
  String resultsName() {
    return deepPage == 1000 ? "query-latest" : "query-quick";
  }

  /** How many instances the walk skips to reach the deep page: every instance of the pages before it. */
  long skipped() {
    return (long) (deepPage - 1) * PAGE_SIZE;
  }

  /** A whole number of an argument, which may group its digits ({@code 200,000} or {@code 200_000}). */
  static int number(String arg, String value) {
    try {
      return Integer.parseInt(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + arg + "' needs a whole number");
    }
  }
}
