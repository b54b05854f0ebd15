package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.web.PlatformWebConfiguration;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

class OperationsIntegrationTests extends IntegrationTest {

  /** The request counter of anonymous, successful application list reads. */
  private static final Pattern APPLICATION_LIST_COUNT = Pattern.compile(
      "(?m)^http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*outcome=\"SUCCESS\"[^}]*status=\"200\""
          + "[^}]*uri=\"/storage/api/v1/applications\"[^}]*} (\\S+)$");

  @Autowired
  WebServerApplicationContext context;

  @Autowired
  ObservationRegistry observations;

  @Test
  void tomcatWritesToTheSocketInStepsOfThirtyTwoKibibytes() {
    Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

    assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("32768")
        .isEqualTo(Integer.toString(PlatformWebConfiguration.SOCKET_WRITE_BYTES));
  }

  @Test
  void healthIsUpIncludingTheDatabase() {
    StorageHttp.Response response = http.get("/actuator/health");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("components").path("mongo").path("status").asString()).as(response.toString())
        .isEqualTo("UP");
  }

  @Test
  void prometheusCountsEachServedRequestAndServesJvmMetrics() throws InterruptedException {
    double before = applicationListCount(scrape());

    assertThat(http.get("/storage/api/v1/applications").status()).isEqualTo(200);

    // The observation ends after the answer is written, so the scrape may briefly not see it yet.
    String metrics = scrape();
    for (int attempt = 0; attempt < 20 && applicationListCount(metrics) == before; attempt++) {
      Thread.sleep(100);
      metrics = scrape();
    }
    assertThat(applicationListCount(metrics)).isEqualTo(before + 1);
    assertThat(metrics).containsPattern("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} \\S+$");
  }

  /**
   * Observations no one collects would still cost every request: Spring Security wraps each filter of its chain
   * anew for every request and asks whether to observe it, even when the answer is no.
   */
  @Test
  void anAuthenticatedRequestIsObservedOnlyAsARequest() {
    Set<String> asked = ConcurrentHashMap.newKeySet();
    observations.observationConfig().observationPredicate((name, observationContext) -> {
      asked.add(name);
      return true;
    });

    StorageHttp.Response response = as(APP_OWNER).get("/storage/api/v1/instances/1337/" + UUID.randomUUID());

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(asked).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
  }

  @Test
  void apiDocsAreAnOpenApi3DocumentListingTheInstanceAndApplicationPaths() {
    StorageHttp.Response response = http.get("/v3/api-docs");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode docs = response.json();
    assertThat(docs.path("openapi").asString()).startsWith("3.");
    assertThat(docs.path("paths").has("/storage/api/v1/instances/{partyId}/{instanceGuid}")).isTrue();
    assertThat(docs.path("paths").has("/storage/api/v1/applications/{org}/{app}")).isTrue();
  }

  @Test
  void swaggerUiRedirectsToItsPageWhichLoadsTheseApiDocs() {
    StorageHttp.Response redirect = http.get("/swagger-ui.html");

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).isEqualTo("/swagger-ui/index.html");

    StorageHttp.Response page = http.get(redirect.header("Location"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<div id=\"swagger-ui\"></div>", "swagger-initializer.js");

    StorageHttp.Response initializer = http.get("/swagger-ui/swagger-initializer.js");
    assertThat(initializer.status()).isEqualTo(200);
    assertThat(initializer.text()).containsPattern("\"configUrl\"\\s*:\\s*\"/v3/api-docs/swagger-config\"");

    StorageHttp.Response config = http.get("/v3/api-docs/swagger-config");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().path("url").asString()).isEqualTo("/v3/api-docs");
  }

  private String scrape() {
    StorageHttp.Response response = http.get("/actuator/prometheus");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    return response.text();
  }

  private static double applicationListCount(String metrics) {
    Matcher count = APPLICATION_LIST_COUNT.matcher(metrics);
    return count.find() ? Double.parseDouble(count.group(1)) : 0;
  }
}
