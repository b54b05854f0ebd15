package no.instanceplatform.app.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import no.instanceplatform.app.storageclient.StorageClient;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.InProcessStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The App API and a real Storage over HTTP: the sample app is registered at start and served from Storage. */
class AppRegistrationIntegrationTests extends AppApiIntegrationTest {

  private static final InProcessStorage storage = STORAGE;

  @Autowired
  StorageClient storageClient;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void registersTheSampleAppsMetadataAndTextsInStorageAtStart() throws Exception {
    JsonNode metadata = awaitInStorage("/applications/test/sailor");
    assertThat(metadata.get("id").asString()).isEqualTo("test/sailor");
    assertThat(metadata.at("/title/nb").asString()).isEqualTo("Testapplikasjon");
    assertThat(dataType(metadata, "boatdata").at("/appLogic/classRef").asString()).isEqualTo("Skjema");
    assertThat(dataType(metadata, "crewlist").get("minCount").asInt()).isEqualTo(1);
    // The seed's misspelt 'allowedContentType' is read as 'allowedContentTypes'.
    assertThat(dataType(metadata, "certificate").at("/allowedContentTypes/0").asString())
        .isEqualTo("application/pdf");
    assertThat(awaitInStorage("/applications/test/sailor/texts/nb").toString()).contains("Testapplikasjon");
    assertThat(awaitInStorage("/applications/test/sailor/texts/en").toString()).contains("Test Application");
  }

  @Test
  void servesTheApplicationMetadataFromStorage() throws Exception {
    awaitRegistered();
    HttpResponse<String> response = get("/test/sailor/api/v1/applicationmetadata");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode metadata = json.readTree(response.body());
    assertThat(metadata.get("org").asString()).isEqualTo("test");
    assertThat(metadata.get("dataTypes")).hasSize(3);
    assertThat(dataType(metadata, "certificate").get("maxCount").asInt()).isEqualTo(1);
  }

  @Test
  void servesTextsAndFallsBackToNorwegianForALanguageWithoutTexts() throws Exception {
    awaitRegistered();
    assertThat(textsLanguage("nb")).isEqualTo("nb");
    assertThat(textsLanguage("en")).isEqualTo("en");
    assertThat(textsLanguage("se")).isEqualTo("nb");
  }

  @Test
  void answersAnAppNotHostedHereWithNotFound() throws Exception {
    HttpResponse<String> response = get("/ttd/nowhere/api/v1/applicationmetadata");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asString())
        .isEqualTo("app ttd/nowhere is not hosted here");
  }

  @Test
  void passesStoragesRefusalsOnWithTheirStatusAndDetail() throws Exception {
    HttpResponse<String> response = get("/test/sailor/api/v1/texts/norsk");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:invalid-request");
    assertThat(problem.get("detail").asString()).startsWith("The language 'norsk' is not valid");
  }

  @Test
  void forwardsTheTokenItIsGivenSoStorageDecidesWithTheCallersRights() {
    String otherOrg = storageClient.localOrgToken("ttd", DeployTokens.SCOPE);
    assertThatThrownBy(() -> storageClient.upsertApplication("test/sailor",
        storageClient.getApplication("test/sailor", null), otherOrg))
        .isInstanceOfSatisfying(StorageProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void reportsStorageAndTheRegisteredAppsInHealth() throws Exception {
    awaitRegistered();
    Instant deadline = Instant.now().plusSeconds(10);
    JsonNode health;
    do {
      health = json.readTree(get("/actuator/health").body());
    } while (health.at("/components/apps/details/registered").asInt() < 2 && Instant.now().isBefore(deadline));
    // The sample app and the test app ttd/orgform of the test resources.
    assertThat(health.at("/components/storage/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/apps/details/hosted").asInt()).isEqualTo(2);
    assertThat(health.at("/components/apps/details/registered").asInt()).isEqualTo(2);
  }

  private String textsLanguage(String language) throws Exception {
    HttpResponse<String> response = get("/test/sailor/api/v1/texts/" + language);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("language").asString();
  }

  private static JsonNode dataType(JsonNode metadata, String id) {
    for (JsonNode type : metadata.get("dataTypes")) {
      if (id.equals(type.get("id").asString())) {
        return type;
      }
    }
    throw new AssertionError("no data type " + id + " in " + metadata);
  }

  /** The sample app's metadata and texts in both its languages are in Storage. */
  private void awaitRegistered() throws Exception {
    awaitInStorage("/applications/test/sailor/texts/nb");
    awaitInStorage("/applications/test/sailor/texts/en");
  }

  /** Registering runs in the background after start: polls Storage (up to 10 s) until it has the resource. */
  private JsonNode awaitInStorage(String path) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    HttpResponse<String> response;
    do {
      response = http.send(HttpRequest.newBuilder(URI.create(storage.apiUrl() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        return json.readTree(response.body());
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("Storage has no " + path + " after 10 s: " + response.statusCode() + " "
        + response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
