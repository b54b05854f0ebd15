package no.instanceplatform.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instance query benchmark: does a deep page cost what page 1 costs? Loads instances into Storage (in this
 * process, over its store port), then times page 1 and page 1,000 of an app owner's org query and of an end user's
 * party query over real HTTP, checking every page it reads. Run it with {@code bench/query}; results go to
 * {@code bench/results/} and docs/PERFORMANCE.md.
 *
 * <p>Exit code: 0 when every page was right and the target met, 2 when the target was missed, 1 when a page was
 * wrong or the run failed, 64 for a bad command line.
 */
public final class QueryBenchmark {

  private QueryBenchmark() {}

  public static void main(String[] args) {
    BenchmarkOptions options = CommandLine.parse(args, BenchmarkOptions.USAGE,
        line -> BenchmarkOptions.parse(line, System.getenv())).orElse(null);
    if (options == null) {
      return;
    }
    BenchmarkReport report = run(options, System.out);
    System.out.println();
    System.out.print(report.markdown());
    if (options.results() != null) {
      report.write(options.results(), options.resultsName());
      System.out.println("\nWritten: " + options.results().resolve(options.resultsName() + ".json") + " and .md");
    }
    System.exit(!report.correct() ? 1 : report.targetMet() ? 0 : 2);
  }

  /** Runs the whole benchmark and reports; progress goes to {@code log}. */
  static BenchmarkReport run(BenchmarkOptions options, PrintStream log) {
    long started = System.nanoTime();
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    double loadAtStart = BenchmarkReport.Machine.loadAverage();
    try (StorageProcess storage = StorageProcess.start(options.mongoUri())) {
      log.printf("Storage on port %d, %s%nLoading %,d instances%n", storage.port(), storage.storeDescription(),
          options.instances());
      InstanceLoader.Loaded loaded = new InstanceLoader(storage.store(), log).load(options.instances());
      log.printf("Loaded in %.1f s: org %s matches %,d, party %s matches %,d%n", loaded.took().toMillis() / 1e3,
          InstanceLoader.ORG, loaded.org().size(), InstanceLoader.PARTY, loaded.party().size());

      QueryClient client = new QueryClient(storage.port());
      QueryRunner runner = new QueryRunner(client, options, log);
      List<QueryResult> results = new ArrayList<>();
      for (QueryRunner.Scenario scenario : scenarios(client, loaded)) {
        results.add(runner.run(scenario));
      }
      boolean targetMet = results.stream().allMatch(result -> result.ratio() <= BenchmarkReport.MAX_RATIO);
      return new BenchmarkReport(
          String.format(Locale.ROOT, "instance query: page 1 and page %,d at size %d", options.deepPage(),
              BenchmarkOptions.PAGE_SIZE),
          date, storage.storeDescription(), options.instances(), options.rounds(), 1, BenchmarkOptions.PAGE_SIZE,
          options.deepPage(), BenchmarkOptions.WALK_SIZE, tenths(loaded.took().toNanos()),
          tenths(System.nanoTime() - started), BenchmarkReport.Machine.current(loadAtStart),
          BenchmarkReport.MAX_RATIO, targetMet, results);
    }
  }

  /** The two queries of the issue: an app owner's whole org, and an end user's own party. */
  private static List<QueryRunner.Scenario> scenarios(QueryClient client, InstanceLoader.Loaded loaded) {
    return List.of(
        new QueryRunner.Scenario("org", "org=" + InstanceLoader.ORG, "app owner ttd (instances.read)",
            () -> client.orgToken(InstanceLoader.ORG), loaded.org()),
        new QueryRunner.Scenario("party", "instanceOwner.partyId=" + InstanceLoader.PARTY,
            "user 1337 (party 501337, level 2)", () -> client.userToken(1337), loaded.party()));
  }

  /** Nanoseconds as seconds with one decimal. */
  private static double tenths(long nanos) {
    return Math.round(nanos / 1e8) / 10.0;
  }
}
