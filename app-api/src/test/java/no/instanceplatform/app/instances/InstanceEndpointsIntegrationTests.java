package no.instanceplatform.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reading, listing and changing existing instances through the App API. */
class InstanceEndpointsIntegrationTests extends AppApiIntegrationTest {

  private static final String INSTANCES = SAILOR + "/instances/";

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void anEndUserOpeningAnInstanceMarksItRead() {
    String id = createForSophie();
    assertThat(storageAsAppOwner("test").get(storagePath(id)).json().at("/status/readStatus").asString())
        .isEqualTo("Unread");

    Response opened = sophie().get(INSTANCES + id);

    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    assertThat(opened.json().at("/status/readStatus").asString()).isEqualTo("Read");
    assertThat(storageAsAppOwner("test").get(storagePath(id)).json().at("/status/readStatus").asString())
        .isEqualTo("Read");
  }

  @Test
  void theAppOwnerReadingAnInstanceLeavesItUnread() {
    String id = createForSophie();

    Response read = appOwner("test").get(INSTANCES + id);

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().at("/status/readStatus").asString()).isEqualTo("Unread");
  }

  /** The App API passes Storage's JSON on as it came: the same bytes, as application/json with their length. */
  @Test
  void theInstanceIsStoragesJsonAsItCame() {
    String id = createForSophie();
    Response fromStorage = storageAsAppOwner("test").get(storagePath(id));

    Response read = appOwner("test").get(INSTANCES + id);

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.text()).isEqualTo(fromStorage.text());
    assertThat(read.header("Content-Type")).hasValue("application/json");
    assertThat(read.header("Content-Length")).hasValue(Integer.toString(read.bytes().length));
    assertThat(read.header("ETag")).isEmpty();
  }

  /** A create answers the new instance as Storage has it once the process is started and the form stored. */
  @Test
  void theCreatedInstanceIsWhatStorageThenHolds() {
    Response created = createdForSophie();
    String id = created.json().get("id").asString();

    Response fromStorage = storageAsAppOwner("test").get(storagePath(id));

    assertThat(created.text()).isEqualTo(fromStorage.text());
    assertThat(created.json().at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
    assertThat(created.json().get("data")).hasSize(1);
    assertThat(created.header("Location")).hasValue(fromStorage.json().at("/selfLinks/apps").asString());
    assertThat(created.header("Content-Type")).hasValue("application/json");
  }

  /** Marking it read, the answer is Storage's to that change: the instance as Storage then has it. */
  @Test
  void theInstanceMarkedReadIsStoragesJsonOfTheChange() {
    String id = createForSophie();

    Response opened = sophie().get(INSTANCES + id);

    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    assertThat(opened.text()).isEqualTo(storageAsAppOwner("test").get(storagePath(id)).text());
    assertThat(opened.header("Content-Type")).hasValue("application/json");
  }

  /** Storage's rule (docs/SECURITY.md): a caller who may not know an instance exists is told it does not. */
  @Test
  void anotherUserOrAnotherOrgDoesNotSeeTheInstance() {
    String id = createForSophie();

    assertThat(user(12345, 2).get(INSTANCES + id).status()).isEqualTo(404);
    assertThat(appOwner("ttd").get(INSTANCES + id).status()).isEqualTo(404);
  }

  @Test
  void anInstanceOfAnotherAppIsNotFoundUnderThisApp() {
    String id = createForSophie();

    assertProblem(sophie().get("/ttd/orgform/instances/" + id), 404, "is not an instance of ttd/orgform");
  }

  @Test
  void listsTheActiveInstancesWithTheNameOfWhoChangedThemLast() {
    String kept = createForSophie();
    String deleted = createForSophie();
    assertThat(sophie().delete(INSTANCES + deleted).status()).isEqualTo(200);

    Response active = sophie().get(INSTANCES + SOPHIE_PARTY + "/active");

    assertThat(active.status()).as(active.toString()).isEqualTo(200);
    Map<String, JsonNode> byId = new HashMap<>();
    active.json().forEach(instance -> byId.put(instance.get("id").asString(), instance));
    assertThat(byId).containsKey(kept).doesNotContainKey(deleted);
    assertThat(byId.get(kept).get("lastChangedBy").asString()).isEqualTo("Sophie Salt");
    assertThat(byId.get(kept).has("lastChanged")).isTrue();
  }

  @Test
  void onlyTheAppOwnerSetsTheSubstatus() {
    String id = createForSophie();
    Map<String, String> substatus = Map.of("label", "some.label", "description", "Beskrivelse i klartekst");

    assertProblem(sophie().put(INSTANCES + id + "/substatus", substatus), 403, "Only the app owner");
    Response set = appOwner("test").put(INSTANCES + id + "/substatus", substatus);

    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().at("/status/substatus/label").asString()).isEqualTo("some.label");
    assertProblem(appOwner("test").put(INSTANCES + id + "/substatus", Map.of("description", "no label")), 400,
        "needs a 'label'");
  }

  @Test
  void theAppOwnerConfirmsCompletion() {
    String id = createForSophie();

    Response completed = appOwner("test").post(INSTANCES + id + "/complete", null);

    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().at("/completeConfirmations/0/stakeholderId").asString()).isEqualTo("test");
    assertThat(appOwner("ttd").post(INSTANCES + id + "/complete", null).status()).isEqualTo(404);
  }

  @Test
  void deletingSoftMovesToTheRecycleBinAndHardMakesItUnrecoverable() {
    String soft = createForSophie();
    String hard = createForSophie();

    Response softDeleted = sophie().delete(INSTANCES + soft);
    Response hardDeleted = sophie().delete(INSTANCES + hard + "?hard=true");

    assertThat(softDeleted.json().at("/status/isSoftDeleted").asBoolean()).isTrue();
    assertThat(softDeleted.json().at("/status/isHardDeleted").asBoolean()).isFalse();
    assertThat(hardDeleted.json().at("/status/isHardDeleted").asBoolean()).isTrue();
    assertThat(sophie().get(INSTANCES + hard).status()).isEqualTo(404);
  }

  @Test
  void refusesBadPathsAndParameters() {
    assertProblem(sophie().get(INSTANCES + "501337/not-a-guid"), 400, "'instanceGuid' is not a valid UUID");
    assertProblem(sophie().get(INSTANCES + "abc/active"), 400, "'partyId' is not a valid long");
    assertProblem(sophie().delete(INSTANCES + createForSophie() + "?hard=maybe"), 400, "'hard'");
    assertThat(anonymous().get(INSTANCES + createForSophie()).status()).isEqualTo(401);
  }

  private String createForSophie() {
    return createdForSophie().json().get("id").asString();
  }

  private Response createdForSophie() {
    Response created = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=" + SOPHIE_PARTY, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  private static String storagePath(String id) {
    return "/storage/api/v1/instances/" + id;
  }
}
