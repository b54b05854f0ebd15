package no.instanceplatform.storage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With application metadata cached, a change of an app's metadata through Storage is seen by the next request. */
class ApplicationCacheIntegrationTests extends IntegrationTest {

  /** An app of its own for each test: emptying the database before each test leaves this replica's cache as it is. */
  private final String appId = "ttd/cache-" + Long.toString(System.nanoTime(), 36);
  private final String appPath = "/storage/api/v1/applications/" + appId;

  /** The store itself, as another replica writes to it: past this replica's cache. */
  @Autowired
  @Qualifier("mongoApplicationStore")
  ApplicationStore anotherReplica;

  @DynamicPropertySource
  static void cacheForLonger(DynamicPropertyRegistry registry) {
    registry.add("storage.applications.cache-ttl", () -> "PT1H");
  }

  @Test
  void aDataTypeAddedToTheAppIsAcceptedByTheNextUpload() {
    deploy("form");
    String instance = createInstance();
    assertProblem(upload(instance, "attachment"), 400, "'attachment' is not declared");

    StorageHttp.Response replaced = http.put(appPath, app("form", "attachment"));
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

    StorageHttp.Response accepted = upload(instance, "attachment");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
  }

  @Test
  void aHardDeletedAppTakesNoMoreInstances() {
    deploy("form");
    createInstance();

    assertThat(http.delete(appPath + "?hard=true").status()).isEqualTo(200);

    assertProblem(create(), 404, "Application " + appId + " was not found");
  }

  @Test
  void anAppDeployedThroughAnotherReplicaAfterARefusalTakesInstancesAtOnce() {
    assertProblem(create(), 404, "Application " + appId + " was not found");

    anotherReplica.upsert(StorageHttp.JSON.convertValue(app("form"), Application.class));

    assertThat(create().status()).isEqualTo(201);
  }

  @Test
  void aChangeThroughAnotherReplicaIsSeenOnlyOnceTheCachedMetadataExpires() {
    deploy("form");
    String instance = createInstance();

    anotherReplica.upsert(StorageHttp.JSON.convertValue(app("form", "attachment"), Application.class));

    assertProblem(upload(instance, "attachment"), 400, "'attachment' is not declared");
  }

  private void deploy(String... dataTypes) {
    StorageHttp.Response deployed = http.post("/storage/api/v1/applications?appId=" + appId, app(dataTypes));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
  }

  private Map<String, Object> app(String... dataTypes) {
    return Map.of("id", appId, "org", "ttd", "title", Map.of("nb", "Cache"), "dataTypes",
        Arrays.stream(dataTypes)
            .map(type -> Map.of("id", type, "allowedContentTypes", List.of("application/pdf")))
            .toList());
  }

  private StorageHttp.Response create() {
    return as(USER_1337).post("/storage/api/v1/instances?appId=" + appId,
        Map.of("instanceOwner", Map.of("partyId", "501337")));
  }

  private String createInstance() {
    StorageHttp.Response created = create();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return "/storage/api/v1/instances/" + created.json().path("id").asString();
  }

  private StorageHttp.Response upload(String instance, String dataType) {
    return as(USER_1337).send("POST", instance + "/data?dataType=" + dataType, "%PDF-1.7", "application/pdf");
  }
}
