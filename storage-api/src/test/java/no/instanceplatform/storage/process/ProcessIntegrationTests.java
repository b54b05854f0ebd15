package no.instanceplatform.storage.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.node.ObjectNode;

/** The process state an app stores on an instance, the process events it reports, and the process history. */
class ProcessIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  private static final String TASK_1_STATE = """
      {"started": "2019-05-02T13:00:00Z", "startEvent": "StartEvent_1",
       "currentTask": {"flow": 2, "started": "2019-05-02T13:00:01Z", "elementId": "Task_1", "name": "Utfylling",
                       "altinnTaskType": "data", "ended": null, "validated": null},
       "ended": null, "endEvent": null}""";

  private static final String TASK_2_STATE = """
      {"started": "2019-05-02T13:00:00Z", "startEvent": "StartEvent_1",
       "currentTask": {"flow": 3, "started": "2019-05-02T13:10:00Z", "elementId": "Task_2", "name": "Bekreftelse",
                       "altinnTaskType": "confirmation", "ended": null, "validated": null},
       "ended": null, "endEvent": null}""";

  @Autowired
  ApplicationStore applications;

  private String id;
  private String guid;
  private String instance;

  @BeforeEach
  void anInstance() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    id = createInstance();
    guid = id.substring(id.indexOf('/') + 1);
    instance = INSTANCES + "/" + id;
  }

  // --- PUT process ---------------------------------------------------------------------------------------

  @Test
  void puttingTheProcessStoresItAndUpdatesLastChanged() {
    JsonNode before = http.get(instance).json();

    StorageHttp.Response put = as(APP_OWNER).put(instance + "/process", json(TASK_1_STATE));

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode updated = put.json();
    assertThat(updated.path("id").asString()).isEqualTo(id);
    assertThat(updated.path("process")).isEqualTo(json(TASK_1_STATE));
    assertThat(instant(updated, "lastChanged")).isAfter(instant(before, "lastChanged"));
    assertThat(updated.path("lastChangedBy").asString()).isEqualTo("991825827");
    assertThat(updated.path("created")).isEqualTo(before.path("created"));
    assertThat(updated.path("createdBy")).isEqualTo(before.path("createdBy"));
    assertThat(updated.path("status")).isEqualTo(before.path("status"));
    assertThat(http.get(instance).json()).isEqualTo(updated);
  }

  @Test
  void puttingTheProcessRecordsNoEvent() {
    as(USER_1337).put(instance + "/process", json(TASK_1_STATE));
    as(USER_1337).put(instance + "/process", json(TASK_2_STATE));

    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void puttingTheProcessWithoutABodyIsRefused() {
    JsonNode before = http.get(instance).json();

    assertProblem(as(USER_1337).send("PUT", instance + "/process", null, "application/json"), 400,
        "must be a process state");
    assertProblem(as(USER_1337).send("PUT", instance + "/process", "{\"started\":", "application/json"), 400,
        "not valid JSON");
    assertProblem(as(USER_1337).put(instance + "/process", Map.of("started", "yesterday")), 400, "started");

    assertThat(http.get(instance).json()).isEqualTo(before);
  }

  @Test
  void endingTheProcessArchivesTheInstanceAtTheEndTime() {
    ObjectNode ended = json(TASK_2_STATE);
    ended.putNull("currentTask");
    ended.put("ended", "2019-05-02T13:20:00Z");
    ended.put("endEvent", "EndEvent_1");

    JsonNode archived = as(USER_1337).put(instance + "/process", ended).json();

    assertThat(archived.path("process")).isEqualTo(ended);
    assertThat(archived.path("status").path("isArchived").asBoolean()).isTrue();
    assertThat(archived.path("status").path("archived").asString()).isEqualTo("2019-05-02T13:20:00Z");
    assertThat(archived.path("status").path("isSoftDeleted").asBoolean()).isFalse();
    assertThat(http.get(instance).json().path("status")).isEqualTo(archived.path("status"));
  }

  @Test
  void endingTheProcessAgainKeepsTheFirstArchivedTime() {
    ObjectNode ended = json(TASK_2_STATE);
    ended.putNull("currentTask");
    ended.put("ended", "2019-05-02T13:20:00Z");
    ended.put("endEvent", "EndEvent_1");
    as(USER_1337).put(instance + "/process", ended);
    ended.put("ended", "2020-01-01T00:00:00Z");

    JsonNode again = as(USER_1337).put(instance + "/process", ended).json();

    assertThat(again.path("process").path("ended").asString()).isEqualTo("2020-01-01T00:00:00Z");
    assertThat(again.path("status").path("isArchived").asBoolean()).isTrue();
    assertThat(again.path("status").path("archived").asString()).isEqualTo("2019-05-02T13:20:00Z");
  }

  @Test
  void aProcessThatHasNotEndedDoesNotArchive() {
    JsonNode updated = as(USER_1337).put(instance + "/process", json(TASK_1_STATE)).json();

    assertThat(updated.path("status").path("isArchived").asBoolean()).isFalse();
    assertThat(updated.path("status").path("archived").isNull()).isTrue();
  }

  // --- PUT process/instanceandevents ---------------------------------------------------------------------

  @Test
  void puttingStateAndEventsStoresBothAndCompletesTheEvents() {
    String clientEventId = UUID.randomUUID().toString();
    JsonNode before = http.get(instance).json();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    StorageHttp.Response put = as(USER_1337).put(instance + "/process/instanceandevents", Map.of(
        "state", json(TASK_1_STATE),
        "events", List.of(
            Map.of("eventType", "process_StartEvent", "processInfo", json(TASK_1_STATE)),
            Map.of("id", clientEventId, "instanceId", id, "eventType", "process_StartTask",
                "created", "2019-05-02T13:00:01Z", "user", Map.of("userId", 12345, "authenticationLevel", 3),
                "processInfo", json(TASK_1_STATE)))));
    Instant end = Instant.now();

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode updated = put.json();
    assertThat(updated.path("process")).isEqualTo(json(TASK_1_STATE));
    assertThat(instant(updated, "lastChanged")).isAfter(instant(before, "lastChanged"));
    assertThat(updated.path("lastChangedBy").asString()).isEqualTo("1337");
    assertThat(http.get(instance).json()).isEqualTo(updated);

    JsonNode listed = http.get(instance + "/events").json().path("instanceEvents");
    assertThat(listed).hasSize(3);
    String storedEventId = listed.get(0).path("id").asString();
    assertThat(storedEventId).matches("[0-9a-f-]{36}").isNotEqualTo(clientEventId);
    assertThat(listed.get(0)).isEqualTo(json("""
        {"id": "%s", "instanceId": "%s", "dataId": null, "eventType": "process_StartTask",
         "created": "2019-05-02T13:00:01Z", "instanceOwnerPartyId": "501337",
         "user": {"userId": 12345, "authenticationLevel": 3}, "processInfo": %s}
        """.formatted(storedEventId, id, TASK_1_STATE)));
    JsonNode filledIn = listed.get(1).path("eventType").asString().equals("process_StartEvent")
        ? listed.get(1) : listed.get(2);
    assertThat(filledIn.path("id").asString()).matches("[0-9a-f-]{36}");
    assertThat(instant(filledIn, "created")).isBetween(start, end);
    assertThat(filledIn).isEqualTo(json("""
        {"id": "%s", "instanceId": "%s", "dataId": null, "eventType": "process_StartEvent",
         "created": "%s", "instanceOwnerPartyId": "501337",
         "user": {"userId": 1337, "authenticationLevel": 2}, "processInfo": %s}
        """.formatted(filledIn.path("id").asString(), id, filledIn.path("created").asString(), TASK_1_STATE)));
    assertThat(http.get(instance + "/events/" + storedEventId).json()).isEqualTo(listed.get(0));
    assertThat(http.get(instance + "/events/" + filledIn.path("id").asString()).json()).isEqualTo(filledIn);
  }

  @Test
  void puttingStateAndEventsWithAnEventOfAnotherInstanceChangesNothing() {
    JsonNode before = http.get(instance).json();
    String other = "501337/" + UUID.randomUUID();

    StorageHttp.Response put = as(USER_1337).put(instance + "/process/instanceandevents", Map.of(
        "state", json(TASK_1_STATE),
        "events", List.of(
            Map.of("eventType", "process_StartEvent", "instanceId", id),
            Map.of("eventType", "process_StartTask", "instanceId", other))));

    assertProblem(put, 400, "instanceId '" + other + "' is not the instance of the path, " + id);
    assertThat(http.get(instance).json()).isEqualTo(before);
    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void clientEventIdsAreReplacedSoThatNoOtherInstancesEventIsOverwritten() {
    String otherId = createInstance();
    String otherEvent = as(USER_1337).post(INSTANCES + "/" + otherId + "/events", Map.of("eventType", "Saved"))
        .json().asString();
    JsonNode otherBefore = http.get(INSTANCES + "/" + otherId + "/events/" + otherEvent).json();

    StorageHttp.Response put = as(USER_1337).put(instance + "/process/instanceandevents", Map.of(
        "state", json(TASK_1_STATE),
        "events", List.of(Map.of("id", otherEvent, "eventType", "process_StartTask"))));

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(http.get(INSTANCES + "/" + otherId + "/events/" + otherEvent).json()).isEqualTo(otherBefore);
    JsonNode mine = http.get(instance + "/events?eventTypes=process_StartTask").json().path("instanceEvents");
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("id").asString()).isNotEqualTo(otherEvent);
    assertProblem(http.get(instance + "/events/" + otherEvent), 404, "was not found");
  }

  @Test
  void eventsReportedTogetherWithoutTimesAreListedInTheOrderGiven() {
    List<Map<String, Object>> walk = List.of(Map.of("eventType", "process_EndTask"),
        Map.of("eventType", "process_StartTask"), Map.of("eventType", "process_EndTask"),
        Map.of("eventType", "process_StartTask"), Map.of("eventType", "process_EndEvent"));

    putStateAndEvents(json(TASK_1_STATE), walk);

    assertThat(eventTypes()).containsExactly("Created", "process_EndTask", "process_StartTask", "process_EndTask",
        "process_StartTask", "process_EndEvent");
  }

  @Test
  void puttingStateAndEventsNeedsAStateAndAnEventTypeOnEveryEvent() {
    JsonNode before = http.get(instance).json();
    String path = instance + "/process/instanceandevents";

    assertProblem(as(USER_1337).put(path, Map.of("state", json(TASK_1_STATE),
        "events", List.of(Map.of("eventType", "process_StartEvent"), Map.of("dataId", "x")))), 400,
        "Every event must have an eventType");
    assertProblem(as(USER_1337).put(path, Map.of("events", List.of(Map.of("eventType", "process_StartEvent")))),
        400, "must be a process state");
    assertProblem(as(USER_1337).send("PUT", path, null, "application/json"), 400, "'state'");

    assertThat(http.get(instance).json()).isEqualTo(before);
    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void puttingStateWithoutEventsStoresTheStateAlone() {
    JsonNode updated = as(USER_1337).put(instance + "/process/instanceandevents",
        Map.of("state", json(TASK_1_STATE))).json();

    assertThat(updated.path("process")).isEqualTo(json(TASK_1_STATE));
    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void puttingStateAndEventsThatEndTheProcessArchivesTheInstance() {
    ObjectNode ended = json(TASK_2_STATE);
    ended.putNull("currentTask");
    ended.put("ended", "2019-05-02T13:20:00Z");
    ended.put("endEvent", "EndEvent_1");

    JsonNode updated = as(USER_1337).put(instance + "/process/instanceandevents", Map.of("state", ended,
        "events", List.of(Map.of("eventType", "process_EndEvent", "processInfo", ended)))).json();

    assertThat(updated.path("status").path("isArchived").asBoolean()).isTrue();
    assertThat(updated.path("status").path("archived").asString()).isEqualTo("2019-05-02T13:20:00Z");
    assertThat(eventTypes()).containsExactly("Created", "process_EndEvent");
  }

  // --- GET process/history -------------------------------------------------------------------------------

  @Test
  void theHistoryFollowsTheProcessFromStartEventThroughTasksToEndEvent() {
    ObjectNode ended = json(TASK_2_STATE);
    ended.putNull("currentTask");
    ended.put("ended", "2019-05-02T13:20:00Z");
    ended.put("endEvent", "EndEvent_1");
    Map<String, Object> user = Map.of("userId", 1337, "authenticationLevel", 2);
    putStateAndEvents(ended, List.of(
        event("process_StartEvent", "2019-05-02T13:00:00.100Z", json(TASK_1_STATE), user),
        event("process_StartTask", "2019-05-02T13:00:01Z", json(TASK_1_STATE), user),
        event("Saved", "2019-05-02T13:05:00Z", json(TASK_1_STATE), user),
        event("process_EndTask", "2019-05-02T13:09:59.500Z", json(TASK_1_STATE), user),
        event("process_StartTask", "2019-05-02T13:10:00Z", json(TASK_2_STATE), user),
        event("process_EndTask", "2019-05-02T13:19:59Z", json(TASK_2_STATE), user),
        event("process_EndEvent", "2019-05-02T13:20:00.250Z", ended, user)));

    StorageHttp.Response history = http.get(instance + "/process/history");

    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json()).isEqualTo(json("""
        {"processHistory": [
          {"eventType": "process_StartEvent", "elementId": "StartEvent_1", "occured": "2019-05-02T13:00:00Z",
           "started": null, "ended": null, "performedBy": "1337"},
          {"eventType": "process_StartTask", "elementId": "Task_1", "occured": null,
           "started": "2019-05-02T13:00:01Z", "ended": "2019-05-02T13:09:59.500Z", "performedBy": "1337"},
          {"eventType": "process_StartTask", "elementId": "Task_2", "occured": null,
           "started": "2019-05-02T13:10:00Z", "ended": "2019-05-02T13:19:59Z", "performedBy": "1337"},
          {"eventType": "process_EndEvent", "elementId": "EndEvent_1", "occured": "2019-05-02T13:20:00Z",
           "started": null, "ended": null, "performedBy": "1337"}
        ]}"""));
  }

  @Test
  void theHistoryIsBuiltInEventTimeOrderAndNamesWhoPerformedEachStep() {
    Map<String, Object> sophie = Map.of("userId", 1337, "authenticationLevel", 2);
    Map<String, Object> ola = Map.of("userId", 12345, "authenticationLevel", 2);
    putStateAndEvents(json(TASK_2_STATE), List.of(
        event("process_StartTask", "2019-05-02T13:10:00Z", json(TASK_2_STATE), ola),
        event("process_EndTask", "2019-05-02T13:09:59Z", json(TASK_1_STATE), sophie)));
    putStateAndEvents(json(TASK_1_STATE), List.of(
        event("process_StartTask", "2019-05-02T13:00:01Z", json(TASK_1_STATE), sophie),
        event("process_StartEvent", "2019-05-02T13:00:00Z", json(TASK_1_STATE), sophie)));

    JsonNode items = http.get(instance + "/process/history").json().path("processHistory");

    assertThat(items).hasSize(3);
    assertThat(items.get(0).path("elementId").asString()).isEqualTo("StartEvent_1");
    assertThat(items.get(1)).isEqualTo(json("""
        {"eventType": "process_StartTask", "elementId": "Task_1", "occured": null,
         "started": "2019-05-02T13:00:01Z", "ended": "2019-05-02T13:09:59Z", "performedBy": "1337"}"""));
    assertThat(items.get(2)).isEqualTo(json("""
        {"eventType": "process_StartTask", "elementId": "Task_2", "occured": null,
         "started": "2019-05-02T13:10:00Z", "ended": null, "performedBy": "12345"}"""));
  }

  @Test
  void theHistoryOfAnInstanceWithoutProcessEventsIsEmpty() {
    as(USER_1337).post(instance + "/events", Map.of("eventType", "Saved"));

    StorageHttp.Response history = http.get(instance + "/process/history");

    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json()).isEqualTo(json("{\"processHistory\": []}"));
  }

  // --- not found -----------------------------------------------------------------------------------------

  @Test
  void everyProcessEndpointAnswersNotFoundForAnUnknownInstance() {
    String unknown = INSTANCES + "/501337/" + UUID.randomUUID();
    String otherParty = INSTANCES + "/512345/" + guid;
    Map<String, Object> update = Map.of("state", json(TASK_1_STATE),
        "events", List.of(Map.of("eventType", "process_StartTask")));

    for (String path : List.of(unknown, otherParty)) {
      assertProblem(as(USER_1337).put(path + "/process", json(TASK_1_STATE)), 404, "was not found");
      assertProblem(as(USER_1337).put(path + "/process/instanceandevents", update), 404, "was not found");
      assertProblem(http.get(path + "/process/history"), 404, "was not found");
    }
    assertProblem(http.get(INSTANCES + "/501337/not-a-guid/process/history"), 400, "instanceGuid");
    assertThat(http.get(instance).json().path("process").isNull()).isTrue();
    assertThat(eventTypes()).containsExactly("Created");
  }

  // --- helpers -------------------------------------------------------------------------------------------

  private String createInstance() {
    StorageHttp.Response created = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private void putStateAndEvents(JsonNode state, List<Map<String, Object>> events) {
    StorageHttp.Response put = as(USER_1337).put(instance + "/process/instanceandevents",
        Map.of("state", state, "events", events));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
  }

  private static Map<String, Object> event(String type, String created, JsonNode processInfo,
      Map<String, Object> user) {
    return Map.of("eventType", type, "created", created, "processInfo", processInfo, "user", user);
  }

  private List<String> eventTypes() {
    return http.get(instance + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString())
        .toList();
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.path(field).asString());
  }

  private static ObjectNode json(String text) {
    return (ObjectNode) StorageHttp.JSON.readTree(text);
  }
}
