package no.instanceplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the services' JIT compilers have worked so far, from each service's {@code /actuator/prometheus}
 * ({@code jvm_compilation_time_ms_total}).
 *
 * <p>On two CPUs the compiler threads take their CPU from the requests. A service of Storage's size keeps compiling
 * for many thousands of requests: 1 MiB downloads through Storage cost it 15 ms of CPU over the first thousand, 7 ms
 * after 5,000 and 3 ms after 15,000, its compilers working a fifth to a third of the time over the first 8,000. A
 * benchmark that measures before the compilers are done measures the JIT, so the warm-up goes on until they are
 * quiet.
 */
final class JitWatch {

  /** Quiet: the compilers worked less than this share of a batch's time (summed over their threads). */
  static final double QUIET_SHARE = 0.02;

  private static final Pattern COMPILATION_MS =
      Pattern.compile("(?m)^jvm_compilation_time_ms_total(?:\\{[^}]*})? (\\S+)$");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> baseUrls;

  /** Watches the services at {@code baseUrls} (e.g. {@code http://127.0.0.1:5101}). */
  JitWatch(List<String> baseUrls) {
    this.baseUrls = List.copyOf(baseUrls);
  }

  /**
   * Runs {@code batch}, which makes {@code batchRequests} requests, again and again until the compilers worked less
   * than {@value #QUIET_SHARE} of a batch's time, or {@code maxRequests} were made; answers how far it went.
   */
  Quieting untilQuiet(int batchRequests, Runnable batch, int maxRequests) {
    int made = 0;
    double share;
    double compiled = compileMillis();
    do {
      long batchStart = System.nanoTime();
      batch.run();
      made += batchRequests;
      double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
      double compiledBefore = compiled;
      compiled = compileMillis();
      share = (compiled - compiledBefore) / 1e3 / batchSeconds;
    } while (share >= QUIET_SHARE && made < maxRequests);
    return new Quieting(made, Math.round(share * 1000) / 10.0, share < QUIET_SHARE);
  }

  /**
   * How a wait for quiet compilers ended.
   *
   * @param requests requests made while waiting
   * @param lastBatchPercent the share of the last batch's time the compilers worked, in percent
   * @param quiet whether that was below {@link #QUIET_SHARE}, or the most requests had been made
   */
  record Quieting(int requests, double lastBatchPercent, boolean quiet) {

    /** For the log and the report: whether the compilers fell quiet or the requests ran out. */
    String howItEnded() {
      return quiet ? "until its JIT compilers were quiet" : "the most allowed, its JIT compilers still busy";
    }
  }

  /** The milliseconds every watched service's compilers have worked since it started, summed. */
  double compileMillis() {
    double sum = 0;
    for (String baseUrl : baseUrls) {
      sum += compileMillis(baseUrl);
    }
    return sum;
  }

  private double compileMillis(String baseUrl) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher matcher = COMPILATION_MS.matcher(response.body());
      if (response.statusCode() != 200 || !matcher.find()) {
        throw new IllegalStateException(baseUrl + "/actuator/prometheus answered " + response.statusCode()
            + " without jvm_compilation_time_ms_total");
      }
      return Double.parseDouble(matcher.group(1));
    } catch (IOException e) {
      throw new IllegalStateException("Could not read " + baseUrl + "/actuator/prometheus: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
