package no.instanceplatform.app.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A step failing after Storage created the instance: the instance is hard-deleted before the error is answered. */
class InstantiationFailureIntegrationTests extends AppApiIntegrationTest {

  @MockitoSpyBean
  DataClient data;

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void aFailedUploadAfterCreationLeavesNoInstanceBehind() {
    doThrow(new StorageProblemException(409, "Storage refused the file."))
        .when(data).create(any(), anyString(), any(), anyString());
    long before = instances("false");
    long hardDeletedBefore = instances("true");

    Response response = sophie().multipart(SAILOR + "/instances", new Multipart()
        .part("instance", "application/json", "{\"instanceOwner\":{\"partyId\":\"501337\"}}")
        .part("certificate", "application/pdf", "c.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));

    assertProblem(response, 409, "Storage refused the file.");
    assertThat(instances("false")).isEqualTo(before);
    assertThat(instances("true")).isEqualTo(hardDeletedBefore + 1);
  }

  /** Sophie's instances of the sample app in Storage, hard-deleted or not. */
  private long instances(String hardDeleted) {
    Response page = storageAsAppOwner("test").get("/storage/api/v1/instances?appId=test/sailor"
        + "&instanceOwner.partyId=501337&status.isHardDeleted=" + hardDeleted + "&size=1");
    return page.json().get("totalHits").asLong();
  }
}
