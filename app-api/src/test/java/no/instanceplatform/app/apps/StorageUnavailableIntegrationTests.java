package no.instanceplatform.app.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.instanceplatform.app.support.InProcessStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Storage out of reach (a closed port): the App API still starts, and answers 503 problems with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=false")
class StorageUnavailableIntegrationTests {

  static final int closedPort = InProcessStorage.freePort();

  @DynamicPropertySource
  static void storageProperties(DynamicPropertyRegistry registry) {
    registry.add("app.storage-url", () -> "http://localhost:" + closedPort + "/storage/api/v1");
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
        () -> "http://localhost:" + closedPort + "/authentication/api/v1/openid/");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void answersServiceUnavailableWithRetryAfterWhenStorageDoesNotAnswer() throws Exception {
    for (String path : new String[] {"/test/sailor/api/v1/applicationmetadata", "/test/sailor/api/v1/texts/nb"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:unavailable");
      assertThat(problem.get("detail").asString()).contains("Storage is unavailable");
    }
  }

  @Test
  void stillKnowsWhichAppsItHosts() throws Exception {
    assertThat(get("/ttd/nowhere/api/v1/texts/nb").statusCode()).isEqualTo(404);
  }

  @Test
  void reportsStorageDownAndNoAppRegisteredInHealth() throws Exception {
    HttpResponse<String> response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode health = json.readTree(response.body());
    assertThat(health.at("/components/storage/status").asString()).isEqualTo("DOWN");
    assertThat(health.at("/components/apps/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/apps/details/registered").asInt()).isZero();
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
