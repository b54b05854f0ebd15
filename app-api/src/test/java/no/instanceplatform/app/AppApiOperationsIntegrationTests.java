package no.instanceplatform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppApiOperationsIntegrationTests {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  /** No Storage runs here: the App API is alive, and its health says Storage is down rather than hiding it. */
  @Test
  void isAliveAndReportsStorageInItsHealth() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).containsPattern("\"storage\":\\{\"details\":\\{[^}]*},\"status\":\"DOWN\"")
        .contains("\"apps\":{\"details\":{\"hosted\":2");
  }

  @Test
  void servesPrometheusMetricsAndOpenApi() throws Exception {
    assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    HttpResponse<String> openApi = get("/v3/api-docs");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("\"openapi\"");
    // A read passes Storage's JSON on without binding it; its documented answer is still the instance.
    assertThat(json.readTree(openApi.body()).at("/paths/~1{org}~1{app}~1instances~1{partyId}~1{instanceGuid}/get"
        + "/responses/200/content/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/Instance");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
