package no.instanceplatform.storage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.AzuriteExtension;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.testkit.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connection between Storage and the blob store (Azurite, through a fault proxy) breaks. While it is broken,
 * uploads and downloads are answered 503 with Retry-After within seconds and an upload leaves no metadata behind;
 * once it heals, the files stored before are whole and new ones are stored, without a restart.
 */
class BlobFaultsOnAzuriteIntegrationTests extends IntegrationTest {

  @RegisterExtension
  static final AzuriteExtension AZURITE = new AzuriteExtension();

  private static FaultProxy toBlobs;
  private static final Duration FAST = Duration.ofSeconds(10);

  /** Made when the context asks for it: Azurite's port is known only once the extension has started it. */
  private static synchronized FaultProxy toBlobs() {
    if (toBlobs == null) {
      toBlobs = FaultProxy.to("127.0.0.1", AZURITE.port());
    }
    return toBlobs;
  }

  @DynamicPropertySource
  static void blobsThroughTheProxy(DynamicPropertyRegistry registry) {
    registry.add("storage.blob.azure.connection-string", () -> "DefaultEndpointsProtocol=http;AccountName="
        + AzuriteExtension.ACCOUNT_NAME + ";AccountKey=" + AzuriteExtension.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:"
        + toBlobs().port() + "/" + AzuriteExtension.ACCOUNT_NAME + ";");
    registry.add("storage.blob.azure.max-tries", () -> "2");
  }

  @AfterAll
  static void closeProxy() {
    if (toBlobs != null) {
      toBlobs.close();
    }
  }

  @Autowired
  ApplicationStore applications;

  private String stored;

  @BeforeEach
  void aFileStoredWhileAllIsWell() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    StorageHttp.Response created = http.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    String instance = "/storage/api/v1/instances/" + created.json().get("id").asString();
    StorageHttp.Response file = http.send("POST", instance + "/data?dataType=default", "<before/>", "application/xml");
    assertThat(file.status()).as(file.toString()).isEqualTo(201);
    stored = instance + "/data/" + file.json().get("id").asString();
  }

  @AfterEach
  void heal() {
    toBlobs().heal();
  }

  @Test
  void aCutBlobStoreAnswers503WithinSecondsKeepsNoHalfUploadAndHeals() {
    String empty = "/storage/api/v1/instances/" + http.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json().get("id").asString();
    toBlobs().cut();

    assertUnavailableWithin(FAST, () -> http.send("POST", empty + "/data?dataType=default", "<during/>", "application/xml"));
    assertUnavailableWithin(FAST, () -> http.get(stored));

    toBlobs().heal();
    assertThat(http.get(empty + "/dataelements").json().get("dataElements")).isEmpty();
    assertThat(http.get(stored).text()).isEqualTo("<before/>");
    assertThat(http.send("PUT", stored, "<after/>", "application/xml").status()).isEqualTo(200);
    assertThat(http.get(stored).text()).isEqualTo("<after/>");
  }

  @Test
  void aResetBlobStoreConnectionAnswers503AndHeals() {
    toBlobs().reset();

    assertUnavailableWithin(FAST, () -> http.send("PUT", stored, "<during/>", "application/xml"));

    toBlobs().heal();
    assertThat(http.get(stored).text()).isEqualTo("<before/>");
  }
}
