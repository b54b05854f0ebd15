package no.instanceplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Storage over real HTTP/1.1 on loopback, as a client would: test tokens from the local platform, and pages of
 * {@code GET /storage/api/v1/instances}. One client (one connection pool) serves the whole run.
 */
final class QueryClient {

  /**
   * One answered page.
   *
   * @param millis from sending the request to the last byte of the answer (parsing is not timed)
   * @param guids the instance guids of the page, in its order
   * @param nextToken the continuation token of the {@code next} link, null on the last page
   */
  record Page(double millis, long totalHits, int count, List<String> guids, String nextToken) {}

  private static final String QUERY_PATH = "/storage/api/v1/instances";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String base;

  QueryClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An app owner's token with the read scope the org query needs. */
  String orgToken(String org) {
    return text("/Home/GetTestOrgToken/" + org + "?scopes=altinn:serviceowner/instances.read");
  }

  /** A test user's token at authentication level 2. */
  String userToken(int userId) {
    return text("/Home/GetTestUserToken/" + userId + "?authenticationLevel=2");
  }

  /** A page of the query {@code filter} (e.g. {@code org=ttd}) of {@code size}, after {@code token} (null: page 1). */
  Page page(String filter, int size, String token, String bearer) {
    String url = base + QUERY_PATH + "?" + filter + "&size=" + size
        + (token == null ? "" : "&continuationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
        .header("Accept", "application/json").GET().build();
    long start = System.nanoTime();
    HttpResponse<byte[]> response = send(request);
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    JsonNode body = json.readTree(response.body());
    List<String> guids = new ArrayList<>();
    for (JsonNode instance : body.path("instances")) {
      String id = instance.path("id").asString();
      guids.add(id.substring(id.indexOf('/') + 1));
    }
    JsonNode next = body.path("next");
    return new Page(millis, body.path("totalHits").asLong(), body.path("count").asInt(), guids,
        tokenOf(next.isNull() || next.isMissingNode() ? null : next.asString()));
  }

  /**
   * The continuation token of a {@code next} link. The walk then asks for the next page at another size: the token
   * is bound to the query's filters, not to its page size.
   */
  static String tokenOf(String next) {
    if (next == null) {
      return null;
    }
    String query = URI.create(next).getRawQuery();
    for (String part : query.split("&")) {
      if (part.startsWith("continuationToken=")) {
        return URLDecoder.decode(part.substring("continuationToken=".length()), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("The next link has no continuationToken: " + next);
  }

  private String text(String path) {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
    }
    return new String(response.body(), StandardCharsets.UTF_8).trim();
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("Request to Storage failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
