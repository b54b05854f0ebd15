package no.instanceplatform.app.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.app.storageclient.StorageUnavailableException;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The steps of a create after Storage created the instance, and what happens when one fails or the create's own
 * answer is lost: the instance is hard-deleted before the error is answered, or, when Storage is unreachable, as soon
 * as it answers again.
 */
class InstantiationFailureIntegrationTests extends AppApiIntegrationTest {

  @MockitoSpyBean
  DataClient data;

  @MockitoSpyBean
  InstanceClient instanceClient;

  @Autowired
  MeterRegistry meters;

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

  @Test
  void theProcessStartAndTheFirstFormAreWrittenSideBySide() {
    CountDownLatch formWriteBegun = new CountDownLatch(1);
    doAnswer(call -> {
      formWriteBegun.countDown();
      return call.callRealMethod();
    }).when(data).create(any(), anyString(), any(), anyString());
    doAnswer(call -> {
      if (!formWriteBegun.await(10, TimeUnit.SECONDS)) {
        throw new StorageProblemException(409, "The form was not being written while the process started.");
      }
      return call.callRealMethod();
    }).when(instanceClient).updateProcess(any(), any(), anyString());

    Response response = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=501337", null);

    assertThat(response.status()).as(response.text()).isEqualTo(201);
    assertThat(response.json().at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
    assertThat(response.json().get("data")).hasSize(1);
  }

  @Test
  void aFailedFormWriteRemovesTheInstanceOnlyOnceItsProcessStartIsWritten() {
    List<String> writes = new CopyOnWriteArrayList<>();
    doAnswer(call -> {
      Thread.sleep(300);
      Object written = call.callRealMethod();
      writes.add("process started");
      return written;
    }).when(instanceClient).updateProcess(any(), any(), anyString());
    doThrow(new StorageProblemException(409, "Storage refused the file."))
        .when(data).create(any(), anyString(), any(), anyString());
    doAnswer(call -> {
      writes.add("removed");
      return call.callRealMethod();
    }).when(instanceClient).delete(any(), eq(true), anyString());

    Response response = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=501337", null);

    assertProblem(response, 409, "Storage refused the file.");
    assertThat(writes).containsExactly("process started", "removed");
  }

  @Test
  void anInstanceThatFailedToStartWhileStorageWasUnreachableIsDeletedOnceStorageAnswers() throws Exception {
    StorageUnavailableException down = new StorageUnavailableException("Storage did not answer.", null);
    doThrow(down).when(instanceClient).updateProcess(any(), any(), anyString());
    doThrow(down).doThrow(down).doCallRealMethod().when(instanceClient).delete(any(), eq(true), anyString());
    long before = instances("false");
    long hardDeletedBefore = instances("true");

    Response response = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=501337", null);

    assertProblem(response, 503, "Storage is unavailable");
    assertThat(pendingDeletions()).isEqualTo(1);
    Instant deadline = Instant.now().plusSeconds(15);
    while (instances("true") == hardDeletedBefore && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(instances("true")).isEqualTo(hardDeletedBefore + 1);
    assertThat(instances("false")).isEqualTo(before);
    verify(instanceClient, times(3)).delete(any(), eq(true), anyString());
    while (pendingDeletions() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(pendingDeletions()).isZero();
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByItsKeyAndDeleted() throws Exception {
    doAnswer(call -> {
      call.callRealMethod();
      throw new StorageUnavailableException("Storage did not answer.", new IOException("Connection reset"));
    }).doCallRealMethod().when(instanceClient).create(any(), any(), anyString(), anyString());
    long before = instances("false");
    long hardDeletedBefore = instances("true");

    Response response = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=501337", null);

    assertProblem(response, 503, "Storage is unavailable");
    Instant deadline = Instant.now().plusSeconds(15);
    while (pendingDeletions() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(instances("false")).isEqualTo(before);
    assertThat(instances("true")).isEqualTo(hardDeletedBefore + 1);
    ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
    verify(instanceClient, times(2)).create(any(), any(), anyString(), keys.capture());
    assertThat(keys.getAllValues().getFirst()).isEqualTo(keys.getAllValues().getLast());
  }

  @Test
  void aCreateThatNeverReachedStorageIsNotSentAgain() {
    doThrow(new StorageUnavailableException("Storage did not answer.", new ConnectException("Connection refused")))
        .when(instanceClient).create(any(), any(), anyString(), anyString());
    long hardDeletedBefore = instances("true");

    Response response = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=501337", null);

    assertProblem(response, 503, "Storage is unavailable");
    verify(instanceClient, times(1)).create(any(), any(), anyString(), anyString());
    assertThat(pendingDeletions()).isZero();
    assertThat(instances("true")).isEqualTo(hardDeletedBefore);
  }

  private double pendingDeletions() {
    return meters.get(AbandonedInstances.PENDING_GAUGE).gauge().value();
  }

  /** Sophie's instances of the sample app in Storage, hard-deleted or not. */
  private long instances(String hardDeleted) {
    Response page = storageAsAppOwner("test").get("/storage/api/v1/instances?appId=test/sailor"
        + "&instanceOwner.partyId=501337&status.isHardDeleted=" + hardDeleted + "&size=1");
    return page.json().get("totalHits").asLong();
  }
}
