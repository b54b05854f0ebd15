package no.instanceplatform.storage.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Mass assignment: what a client puts in an instance template beyond what it may choose is not stored. Each test
 * sends one group of server-owned fields and reads the instance back as stored.
 */
class InstanceTemplateIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";
  private static final Map<String, Object> PROCESS = Map.of("started", "2020-01-01T00:00:00Z",
      "startEvent", "StartEvent_1", "currentTask", Map.of("elementId", "Task_2", "flow", 3,
          "started", "2020-01-01T00:00:00Z", "altinnTaskType", "confirmation"));

  @Autowired
  ApplicationStore applications;

  @BeforeEach
  void anApp() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    applications.upsert(TestApplications.ttdApp("other-app", null));
  }

  @Test
  void theIdentityAndTheAppComeFromStorageAndTheQueryNotFromTheBody() {
    String chosenGuid = UUID.randomUUID().toString();

    JsonNode stored = createAndReadBack(USER_1337, Map.of("id", "501337/" + chosenGuid, "appId", "ttd/other-app",
        "org", "other"));

    assertThat(stored.path("id").asString()).startsWith("501337/").doesNotContain(chosenGuid);
    assertThat(stored.path("appId").asString()).isEqualTo("ttd/test-app");
    assertThat(stored.path("org").asString()).isEqualTo("ttd");
    assertProblem(http.get(INSTANCES + "/501337/" + chosenGuid), 404, "was not found");
  }

  @Test
  void theCreationAndChangeStampsAreStoragesOwn() {
    JsonNode stored = createAndReadBack(USER_1337, Map.of("created", "2001-01-01T00:00:00Z", "createdBy", "someone",
        "lastChanged", "2001-01-01T00:00:00Z", "lastChangedBy", "someone"));

    assertThat(stored.path("created").asString()).isNotEqualTo("2001-01-01T00:00:00Z")
        .isEqualTo(stored.path("lastChanged").asString());
    assertThat(stored.path("createdBy").asString()).isEqualTo("1337");
    assertThat(stored.path("lastChangedBy").asString()).isEqualTo("1337");
  }

  @Test
  void theStatusStartsUnarchivedUndeletedAndUnread() {
    JsonNode stored = createAndReadBack(APP_OWNER, Map.of("status", Map.of(
        "isArchived", true, "archived", "2020-01-01T00:00:00Z",
        "isSoftDeleted", true, "softDeleted", "2020-01-01T00:00:00Z",
        "isHardDeleted", true, "hardDeleted", "2020-01-01T00:00:00Z",
        "readStatus", "Read", "substatus", Map.of("label", "preset"))));

    JsonNode status = stored.path("status");
    for (String flag : List.of("isArchived", "isSoftDeleted", "isHardDeleted")) {
      assertThat(status.path(flag).asBoolean()).as(flag).isFalse();
    }
    for (String date : List.of("archived", "softDeleted", "hardDeleted", "substatus")) {
      assertThat(status.path(date).isNull() || status.path(date).isMissingNode()).as(date).isTrue();
    }
    assertThat(status.path("readStatus").asString()).isEqualTo("Unread");
  }

  @Test
  void dataAndCompleteConfirmationsStartEmpty() {
    JsonNode stored = createAndReadBack(APP_OWNER, Map.of(
        "data", List.of(Map.of("id", UUID.randomUUID().toString(), "dataType", "default",
            "blobStoragePath", "ttd/test-app/x/data/y")),
        "completeConfirmations", List.of(Map.of("stakeholderId", "ttd", "confirmedOn", "2020-01-01T00:00:00Z"))));

    assertThat(stored.path("data").size()).isZero();
    assertThat(stored.path("completeConfirmations").size()).isZero();
  }

  @Test
  void selfLinksFollowStoragesOwnAddresses() {
    JsonNode stored = createAndReadBack(USER_1337, Map.of("selfLinks",
        Map.of("apps", "https://evil.example/x", "platform", "https://evil.example/y")));

    String id = stored.path("id").asString();
    assertThat(stored.path("selfLinks").path("platform").asString())
        .isEqualTo("http://localhost:5101/storage/api/v1/instances/" + id);
    assertThat(stored.path("selfLinks").path("apps").asString())
        .isEqualTo("http://localhost:5005/ttd/test-app/instances/" + id);
  }

  @Test
  void anEndUserCannotCreateAnInstanceInAProcessState() {
    JsonNode stored = createAndReadBack(USER_1337, Map.of("process", PROCESS));

    assertThat(stored.path("process").isNull() || stored.path("process").isMissingNode()).as(stored.toString())
        .isTrue();
  }

  @Test
  void anAppOwnerStartsTheInstanceInTheProcessStateItGives() {
    JsonNode stored = createAndReadBack(APP_OWNER, Map.of("process", PROCESS));

    assertThat(stored.path("process").path("startEvent").asString()).isEqualTo("StartEvent_1");
    assertThat(stored.path("process").path("currentTask").path("elementId").asString()).isEqualTo("Task_2");
  }

  /** Creates from the template (owned by party 501337) and answers the instance as a later read finds it. */
  private JsonNode createAndReadBack(String caller, Map<String, Object> template) {
    Map<String, Object> body = new HashMap<>(template);
    body.put("instanceOwner", Map.of("partyId", "501337"));
    StorageHttp.Response created = as(caller).post(INSTANCES + "?appId=ttd/test-app", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    StorageHttp.Response read = http.get(INSTANCES + "/" + created.json().path("id").asString());
    assertThat(read.json()).isEqualTo(created.json());
    return read.json();
  }
}
