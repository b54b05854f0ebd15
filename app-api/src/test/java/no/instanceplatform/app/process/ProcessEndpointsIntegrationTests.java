package no.instanceplatform.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.app.support.AppHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The process endpoints on the sample app test/sailor: Task_1 and Task_2 collect data, Task_3 is a confirmation. */
class ProcessEndpointsIntegrationTests extends ProcessIntegrationTest {

  private static final String SAILOR_ID = "test/sailor";
  private static final String VALID_BOAT = "{\"boatName\":\"Titanic\",\"boatLength\":269}";
  private static final String CREW = "<crew><sailor>Sophie</sailor></crew>";

  // Each time, not @BeforeAll: the App API (and so its registration of the app) starts after @BeforeAll methods run.
  @BeforeEach
  void sampleAppRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void getProcessAnswersTheStateStorageHolds() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");

    AppHttp.Response state = sophie().get(process(SAILOR_ID, id));

    assertThat(state.status()).as(state.toString()).isEqualTo(200);
    assertThat(state.json().get("startEvent").asString()).isEqualTo("StartEvent_1");
    assertThat(state.json().at("/currentTask/elementId").asString()).isEqualTo("Task_1");
    assertThat(state.json().at("/currentTask/flow").asInt()).isEqualTo(2);
    assertThat(state.json().get("ended").isNull()).isTrue();
  }

  @Test
  void nextFromTask1WithInvalidFormDataIsRefusedWithTheSchemasIssues() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    String boat = upload(SAILOR_ID, id, "boatdata", "application/json", "{\"boatLength\":-3}");

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", Map.of("action", "write"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.json().get("title").asString()).isEqualTo("Validation failed for task");
    assertThat(refused.json().get("detail").asString()).startsWith("Validation failed for task Task_1");
    List<JsonNode> issues = new ArrayList<>();
    refused.json().get("validationIssues").forEach(issues::add);
    assertThat(issues).extracting(issue -> issue.get("code").asString() + " " + issue.get("field").asString())
        .containsExactlyInAnyOrder("required boatName", "minimum boatLength");
    assertThat(issues).allSatisfy(issue -> {
      assertThat(issue.get("dataElementId").asString()).isEqualTo(boat);
      assertThat(issue.get("severity").asInt()).isEqualTo(1);
      assertThat(issue.get("description").asString()).isNotBlank();
    });
    assertThat(stored(SAILOR_ID, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
    assertThat(stored(SAILOR_ID, id).at("/data/0/locked").asBoolean()).isFalse();
  }

  @Test
  void anEmptyFormIsRefusedForItsMissingBoatName() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    upload(SAILOR_ID, id, "boatdata", "application/json", "{}");

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("validationIssues")).hasSize(1);
    assertThat(issue(refused, 0).get("code").asString()).isEqualTo("required");
    assertThat(issue(refused, 0).get("field").asString()).isEqualTo("boatName");
  }

  @Test
  void formDataThatIsNotJsonIsAnIssueNotAnError() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    String boat = upload(SAILOR_ID, id, "boatdata", "application/json", "{\"boatName\":");

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(issue(refused, 0).get("code").asString()).isEqualTo("InvalidFormData");
    assertThat(issue(refused, 0).get("dataElementId").asString()).isEqualTo(boat);
  }

  @Test
  void nextFromTask1WithValidFormDataMovesToTask2AndLocksTheFormData() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    upload(SAILOR_ID, id, "boatdata", "application/json", VALID_BOAT);

    AppHttp.Response moved = sophie().put(process(SAILOR_ID, id) + "/next", Map.of("action", "write"));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().at("/currentTask/elementId").asString()).isEqualTo("Task_2");
    assertThat(moved.json().at("/currentTask/name").asString()).isEqualTo("Mannskap");
    assertThat(moved.json().at("/currentTask/altinnTaskType").asString()).isEqualTo("data");
    assertThat(moved.json().at("/currentTask/flow").asInt()).isEqualTo(3);
    JsonNode stored = stored(SAILOR_ID, id);
    assertThat(stored.at("/process/currentTask/elementId").asString()).isEqualTo("Task_2");
    assertThat(stored.at("/data/0/locked").asBoolean()).isTrue();
  }

  @Test
  void nextFromTask2WithoutACrewListIsRefusedForTooFewElements() {
    String id = instanceAt(SAILOR_ID, "Task_2", "data");

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", Map.of("action", "write"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("validationIssues")).hasSize(1);
    assertThat(issue(refused, 0).get("code").asString()).isEqualTo("TooFewDataElementsOfType");
    assertThat(issue(refused, 0).get("field").asString()).isEqualTo("crewlist");
    assertThat(issue(refused, 0).get("dataElementId").isNull()).isTrue();
  }

  @Test
  void nextWithoutABodyIsNoActionAndTheContentTypesCharsetIsIgnored() {
    String id = instanceAt(SAILOR_ID, "Task_2", "data");
    upload(SAILOR_ID, id, "crewlist", "application/xml; charset=utf-8", CREW);

    AppHttp.Response moved = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().at("/currentTask/elementId").asString()).isEqualTo("Task_3");
    assertThat(moved.json().at("/currentTask/altinnTaskType").asString()).isEqualTo("confirmation");
  }

  @Test
  void theConfirmationTaskForbidsTheWriteActionAndNamesConfirm() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", Map.of("action", "write"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("detail").asString()).contains("'write'", "Task_3", "allowed: confirm");
    assertThat(stored(SAILOR_ID, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_3");
  }

  @Test
  void confirmingTheLastTaskEndsTheProcessArchivesTheInstanceAndRecordsTheSubmission() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");

    AppHttp.Response ended = sophie().put(process(SAILOR_ID, id) + "/next", Map.of("action", "confirm"));

    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("ended").isNull()).isFalse();
    assertThat(ended.json().get("endEvent").asString()).isEqualTo("EndEvent_1");
    assertThat(ended.json().get("currentTask").isNull()).isTrue();
    JsonNode status = stored(SAILOR_ID, id).get("status");
    assertThat(status.get("isArchived").asBoolean()).isTrue();
    assertThat(status.get("archived").asString()).isEqualTo(ended.json().get("ended").asString());
    assertThat(eventTypes(id)).containsSubsequence("process_EndTask", "process_EndEvent", "Submited");
  }

  @Test
  void nextAfterTheEndIsAConflict() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");
    assertThat(sophie().put(process(SAILOR_ID, id) + "/next", null).status()).isEqualTo(200);

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("has already ended");
  }

  @Test
  void nextBeforeTheProcessStartedIsAConflict() {
    String id = instanceAt(SAILOR_ID, null, null);

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("has not been started");
    AppHttp.Response state = sophie().get(process(SAILOR_ID, id));
    assertThat(state.status()).isEqualTo(200);
    assertThat(state.json().get("started").isNull()).isTrue();
  }

  @Test
  void aDeletedInstanceCannotMove() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");
    assertThat(storageAsAppOwner("test").delete("/storage/api/v1/instances/" + id + "?hard=false").status())
        .isEqualTo(200);

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("is deleted");
  }

  @Test
  void completeProcessMovesThroughEveryTaskToTheEndAndLocksAllTheData() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    upload(SAILOR_ID, id, "boatdata", "application/json", VALID_BOAT);
    upload(SAILOR_ID, id, "crewlist", "application/xml", CREW);

    AppHttp.Response ended = sophie().put(process(SAILOR_ID, id) + "/completeProcess", null);

    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("endEvent").asString()).isEqualTo("EndEvent_1");
    JsonNode stored = stored(SAILOR_ID, id);
    assertThat(stored.at("/status/isArchived").asBoolean()).isTrue();
    assertThat(stored.get("data")).hasSize(2).allSatisfy(element -> assertThat(element.get("locked").asBoolean())
        .isTrue());
    AppHttp.Response history = sophie().get(process(SAILOR_ID, id) + "/history");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    List<String> items = new ArrayList<>();
    history.json().get("processHistory").forEach(item -> items.add(item.get("eventType").asString() + " "
        + item.get("elementId").asString() + (item.get("ended").isNull() ? "" : " ended")));
    // Task_1 began before these events (the instance was made at it), so its end stands alone.
    assertThat(items).containsExactly("process_EndTask Task_1 ended", "process_StartTask Task_2 ended",
        "process_StartTask Task_3 ended", "process_EndEvent EndEvent_1");
  }

  @Test
  void completeProcessStopsAtTheFirstInvalidTaskAndKeepsTheMovesBeforeIt() {
    String id = instanceAt(SAILOR_ID, "Task_1", "data");
    upload(SAILOR_ID, id, "boatdata", "application/json", VALID_BOAT);

    AppHttp.Response refused = sophie().put(process(SAILOR_ID, id) + "/completeProcess", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(issue(refused, 0).get("code").asString()).isEqualTo("TooFewDataElementsOfType");
    assertThat(refused.json().get("detail").asString()).contains("Task_2");
    AppHttp.Response state = sophie().get(process(SAILOR_ID, id));
    assertThat(state.json().at("/currentTask/elementId").asString()).isEqualTo("Task_2");
  }

  @Test
  void anotherUserIsToldByStorageThatTheInstanceIsNotFound() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");
    AppHttp ola = user(12345, 2);

    assertThat(ola.get(process(SAILOR_ID, id)).status()).isEqualTo(404);
    assertThat(ola.get(process(SAILOR_ID, id) + "/history").status()).isEqualTo(404);
    AppHttp.Response refused = ola.put(process(SAILOR_ID, id) + "/next", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.json().get("detail").asString()).isEqualTo("Instance " + id + " was not found.");
    assertThat(stored(SAILOR_ID, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_3");
  }

  @Test
  void theOwnerAtAuthenticationLevel1MayReadTheProcessButStorageForbidsMovingIt() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");
    AppHttp sophieAtLevel1 = user(SOPHIE, 1);

    assertThat(sophieAtLevel1.get(process(SAILOR_ID, id)).status()).isEqualTo(200);
    assertThat(sophieAtLevel1.get(process(SAILOR_ID, id) + "/history").status()).isEqualTo(200);
    AppHttp.Response refused = sophieAtLevel1.put(process(SAILOR_ID, id) + "/next", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("detail").asString()).contains("authentication level 2");
    assertThat(stored(SAILOR_ID, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_3");
  }

  @Test
  void aMalformedNextBodyIsABadRequest() {
    String id = instanceAt(SAILOR_ID, "Task_3", "confirmation");

    AppHttp.Response notJson = sophie().put(process(SAILOR_ID, id) + "/next", "{\"action\":");
    AppHttp.Response notAString = sophie().put(process(SAILOR_ID, id) + "/next", "{\"action\":{}}");

    assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
    assertThat(notJson.json().get("detail").asString()).isEqualTo("The request body is not valid JSON.");
    assertThat(notAString.status()).as(notAString.toString()).isEqualTo(400);
    assertThat(notAString.json().get("detail").asString()).contains("'action'");
  }

  @Test
  void anUnknownInstanceIsNotFound() {
    AppHttp.Response missing = sophie().get(process(SAILOR_ID, SOPHIE_PARTY + "/4b9a1c76-0000-4000-8000-000000000000"));

    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
  }

  private List<String> eventTypes(String instanceId) {
    AppHttp.Response events = storageAsAppOwner("test").get("/storage/api/v1/instances/" + instanceId + "/events");
    assertThat(events.status()).as(events.toString()).isEqualTo(200);
    List<String> types = new ArrayList<>();
    events.json().get("instanceEvents").forEach(event -> types.add(event.get("eventType").asString()));
    return types;
  }
}
