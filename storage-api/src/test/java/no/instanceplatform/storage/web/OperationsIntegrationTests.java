package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperationsIntegrationTests extends IntegrationTest {

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
  void prometheusServesRequestAndJvmMetrics() {
    assertThat(http.get("/storage/api/v1/applications").status()).isEqualTo(200);

    StorageHttp.Response response = http.get("/actuator/prometheus");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    System.out.println(response.text());
    assertThat(response.text())
        .contains("http_server_requests_seconds_count{")
        .contains("uri=\"/storage/api/v1/applications\"")
        .contains("jvm_memory_used_bytes{");
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
  void swaggerUiRedirectsToItsPageWhichIsServed() {
    StorageHttp.Response response = http.get("/swagger-ui.html");

    System.out.println(response.status() + " " + response.raw().headers().map());
    StorageHttp.Response page = http.get("/swagger-ui/index.html");
    System.out.println(page.status() + " " + page.raw().headers().map() + page.text());
    System.out.println("INIT " + http.get("/swagger-ui/swagger-initializer.js").text());
    System.out.println("CONFIG " + http.get("/v3/api-docs/swagger-config").text());
    System.out.println("CSS " + http.get("/swagger-ui/swagger-ui-bundle.js").status());
  }
}
