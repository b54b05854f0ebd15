package no.instanceplatform.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one side of a comparison (what is measured, or its baseline): the medians over the measured rounds
 * of each round's median and 99th percentile latency and of its throughput, and each round's throughput.
 *
 * @param what what was done, in words
 * @param clients how many clients sent requests at once
 * @param requests requests per measured round
 * @param throughput requests a second, or MB/s (10^6 bytes a second) when {@code unit} says so
 * @param unit {@code req/s} or {@code MB/s}
 */
record Side(String what, int clients, int requests, int rounds, double medianMs, double p99Ms, double throughput,
    String unit, List<Double> roundThroughputs) {

  static final String REQUESTS = "req/s";
  static final String MEGABYTES = "MB/s";

  /** From the load generator's rounds, in requests a second. */
  static Side of(String what, int clients, List<LoadGenerator.Round> rounds) {
    List<Double> throughputs = rounds.stream().map(round -> round(round.throughput(), 1)).toList();
    return new Side(what, clients, rounds.getFirst().millis().length, rounds.size(),
        round(median(rounds, round -> percentile(round.millis(), 50)), 3),
        round(median(rounds, round -> percentile(round.millis(), 99)), 3),
        round(median(rounds, LoadGenerator.Round::throughput), 1), REQUESTS, throughputs);
  }

  /**
   * From one request per round by one client (a file of {@code bytes}, or a page when {@code bytes} is 0): the
   * throughput is that of the median time, in MB/s for files, requests a second otherwise.
   */
  static Side ofSingleRequests(String what, List<Double> millis, long bytes) {
    double[] each = millis.stream().mapToDouble(Double::doubleValue).toArray();
    double median = percentile(each, 50);
    List<Double> throughputs = millis.stream().map(ms -> round(perSecond(ms, bytes), 1)).toList();
    return new Side(what, 1, 1, millis.size(), round(median, 3), round(percentile(each, 99), 3),
        round(perSecond(median, bytes), 1), bytes > 0 ? MEGABYTES : REQUESTS, throughputs);
  }

  /** The nearest-rank percentile: with fewer than 100 values, p99 is the largest. */
  static double percentile(double[] values, double percent) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double perSecond(double millis, long bytes) {
    return bytes > 0 ? bytes / 1e3 / millis : 1e3 / millis;
  }

  private static double median(List<LoadGenerator.Round> rounds, ToDoubleFunction<LoadGenerator.Round> figure) {
    return percentile(rounds.stream().mapToDouble(figure).toArray(), 50);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
