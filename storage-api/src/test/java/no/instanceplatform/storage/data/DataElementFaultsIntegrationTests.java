package no.instanceplatform.storage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import java.io.InputStream;
import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/** The order of writes: the file first, the metadata second; a failure at either step leaves nothing half-written. */
class DataElementFaultsIntegrationTests extends IntegrationTest {

  @MockitoSpyBean
  BlobStore blobs;

  @MockitoSpyBean
  InstanceStore instances;

  @Autowired
  ApplicationStore applications;

  private String instance;
  private String instanceGuid;
  private JsonNode before;

  @BeforeEach
  void anInstance() {
    applications.upsert(StorageHttp.JSON.readValue(
        "{\"id\": \"ttd/faults\", \"org\": \"ttd\", \"dataTypes\": [{\"id\": \"file\"}]}", Application.class));
    JsonNode created = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/faults",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json();
    instance = "/storage/api/v1/instances/" + created.path("id").asString();
    instanceGuid = created.path("id").asString().substring(7);
    before = http.get(instance).json();
  }

  @Test
  void aFailedFileWriteStoresNoMetadataAndAnswersServiceUnavailable() {
    doThrow(StorageException.unavailable("The blob store is unavailable. Try again shortly."))
        .when(blobs).put(anyString(), anyString(), any(InputStream.class), anyLong());

    StorageHttp.Response refused = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain");

    assertProblem(refused, 503, "blob store is unavailable");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(http.get(instance).json()).isEqualTo(before);
    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void aFailedMetadataWriteRemovesTheFile() {
    doThrow(new DataAccessResourceFailureException("database down"))
        .when(instances).replace(anyLong(), any(), anyList());

    StorageHttp.Response refused = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain");

    assertProblem(refused, 503, "metadata store is unavailable");
    assertThat(blobs.deleteByPrefix("ttd", "ttd/faults/" + instanceGuid + "/")).isZero();
    assertThat(http.get(instance).json().path("data")).isEmpty();
  }

  @Test
  void anUnreachableBlobStoreOnDownloadAnswersServiceUnavailable() {
    String id = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain").json().path("id")
        .asString();
    doThrow(StorageException.unavailable("The blob store is unavailable. Try again shortly."))
        .when(blobs).get(anyString(), anyString());

    assertProblem(http.get(instance + "/data/" + id), 503, "blob store is unavailable");
  }

  private java.util.List<String> eventTypes() {
    return http.get(instance + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString()).toList();
  }
}
