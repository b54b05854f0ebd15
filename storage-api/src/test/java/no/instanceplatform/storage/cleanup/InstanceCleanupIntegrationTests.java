package no.instanceplatform.storage.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

class InstanceCleanupIntegrationTests extends IntegrationTest {

  @Autowired
  InstanceCleanup cleanup;

  @Autowired
  ApplicationStore applications;

  @MockitoSpyBean
  BlobStore blobs;

  @BeforeEach
  void apps() {
    applications.upsert(app("keeps-events", false));
    applications.upsert(app("deletes-events", true));
  }

  @Test
  void aHardDeletedDraftIsRemovedWithItsFilesButItsEventsStay() {
    Created draft = createWithFile("keeps-events");
    Created kept = createWithFile("keeps-events");
    as(USER_1337).delete(draft.path() + "?hard=true");

    InstanceCleanup.Report report = cleanup.run();

    assertThat(report.removed()).isEqualTo(1);
    assertProblem(http.get(draft.path()), 404, "was not found");
    assertThat(blobs.get("ttd", draft.blobPath())).isEmpty();
    assertThat(mongo.getCollection("instanceEvents").countDocuments(
        new org.bson.Document("instanceId", draft.id()))).isGreaterThan(0);
    assertThat(http.get(kept.path()).status()).isEqualTo(200);
    assertThat(blobs.get("ttd", kept.blobPath())).isPresent();
  }

  @Test
  void anAppThatDeletesOnProcessEndLosesTheEventsToo() {
    Created draft = createWithFile("deletes-events");
    as(USER_1337).delete(draft.path() + "?hard=true");

    cleanup.run();

    assertThat(mongo.getCollection("instanceEvents").countDocuments(
        new org.bson.Document("instanceId", draft.id()))).isZero();
  }

  @Test
  void anArchivedInstanceIsKeptUntilTheAppOwnerConfirmedItLongEnoughAgo() {
    Created archived = createWithFile("keeps-events");
    http.put(archived.path() + "/process", Map.of("started", "2024-01-01T00:00:00Z", "ended", "2024-01-02T00:00:00Z"));
    http.post(archived.path() + "/complete", null);
    as(USER_1337).delete(archived.path() + "?hard=true");

    assertThat(cleanup.run().removed()).isZero();
    assertThat(http.get(archived.path()).status()).isEqualTo(200);
  }

  @Test
  void aFailedFileRemovalKeepsTheRecordAndIsRetriedOnTheNextRun() {
    Created draft = createWithFile("keeps-events");
    as(USER_1337).delete(draft.path() + "?hard=true");
    doThrow(StorageException.unavailable("blob store down")).when(blobs).deleteByPrefix(anyString(), anyString());

    InstanceCleanup.Report failed = cleanup.run();

    assertThat(failed.failed()).isEqualTo(1);
    assertThat(http.get(draft.path()).status()).isEqualTo(200);
    assertThat(blobs.get("ttd", draft.blobPath())).isPresent();

    doCallRealMethod().when(blobs).deleteByPrefix(anyString(), anyString());
    InstanceCleanup.Report retried = cleanup.run();

    assertThat(retried.removed()).isEqualTo(1);
    assertProblem(http.get(draft.path()), 404, "was not found");
    assertThat(blobs.get("ttd", draft.blobPath())).isEmpty();
  }

  private record Created(String id, String path, String blobPath) {}

  private Created createWithFile(String app) {
    JsonNode instance = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/" + app,
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json();
    String path = "/storage/api/v1/instances/" + instance.path("id").asString();
    StorageHttp.Response file = as(USER_1337).send("POST", path + "/data?dataType=file", "innhold", "text/plain");
    assertThat(file.status()).as(file.toString()).isEqualTo(201);
    return new Created(instance.path("id").asString(), path, file.json().path("blobStoragePath").asString());
  }

  private static Application app(String name, boolean autoDeleteOnProcessEnd) {
    return StorageHttp.JSON.readValue("""
        {"id": "ttd/%s", "org": "ttd", "autoDeleteOnProcessEnd": %s,
         "dataTypes": [{"id": "file", "allowedContentTypes": []}]}
        """.formatted(name, autoDeleteOnProcessEnd), Application.class);
  }
}
