package no.instanceplatform.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one query: medians over the measured rounds and each round's times (milliseconds), what the API
 * answered, and the outcome of the correctness checks.
 *
 * @param ratio the median deep page over the median page 1 (the target's measure)
 * @param ratioToPage2 the median deep page over the median page 2: like for like, as page 1 also counts the matches
 *     (totalHits) and later pages carry the total in their token
 * @param walkMs the time of the one walk to the deep page: all its requests, summed
 * @param tiedInstances matching instances that share their lastChanged millisecond with another
 * @param deepPageStartsAt the 1-based position of the deep page's first instance in the expected order
 * @param failures the checks that failed; empty when every page was right
 */
record QueryResult(
    String name,
    String request,
    String caller,
    long totalHits,
    int count,
    long tiedInstances,
    double page1MedianMs,
    double page2MedianMs,
    double deepPageMedianMs,
    double ratio,
    double ratioToPage2,
    long walkMs,
    int walkRequests,
    long deepPageStartsAt,
    List<Double> page1Ms,
    List<Double> page2Ms,
    List<Double> deepPageMs,
    int pagesChecked,
    List<String> failures) {

  static QueryResult of(QueryRunner.Scenario scenario, List<QueryRunner.Round> rounds, QueryRunner.Walk walk,
      Checks checks) {
    QueryRunner.Round last = rounds.getLast();
    double page1 = median(rounds, QueryRunner.Round::page1);
    double page2 = median(rounds, QueryRunner.Round::page2);
    double deep = median(rounds, QueryRunner.Round::deepPage);
    return new QueryResult(scenario.name(), "GET /storage/api/v1/instances?" + scenario.filter() + "&size="
        + BenchmarkOptions.PAGE_SIZE, scenario.caller(), last.totalHits(), last.count(), scenario.expected().tied(),
        page1, page2, deep, round(deep / page1), round(deep / page2),
        Math.round(walk.millis()), walk.requests(), last.deepPageStartsAt(),
        each(rounds, QueryRunner.Round::page1), each(rounds, QueryRunner.Round::page2),
        each(rounds, QueryRunner.Round::deepPage), checks.pages(), checks.failures());
  }

  private static double median(List<QueryRunner.Round> rounds, ToDoubleFunction<QueryRunner.Round> time) {
    double[] sorted = rounds.stream().mapToDouble(time).sorted().toArray();
    int middle = sorted.length / 2;
    return round(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }

  private static List<Double> each(List<QueryRunner.Round> rounds, ToDoubleFunction<QueryRunner.Round> time) {
    return rounds.stream().map(round -> round(time.applyAsDouble(round))).toList();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
