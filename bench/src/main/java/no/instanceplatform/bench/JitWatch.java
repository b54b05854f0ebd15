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

  private static final Pattern COMPILATION_MS =
      Pattern.compile("(?m)^jvm_compilation_time_ms_total(?:\\{[^}]*})? (\\S+)$");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> baseUrls;

  /** Watches the services at {@code baseUrls} (e.g. {@code http://127.0.0.1:5101}). */
  JitWatch(List<String> baseUrls) {
    this.baseUrls = List.copyOf(baseUrls);
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
