package no.instanceplatform.storage.events;

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

/** The instance events of seed 004: reporting, listing with filters, reading one, and deleting them all. */
class InstanceEventsIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  ApplicationStore applications;

  private String id;
  private String guid;
  private String events;

  @BeforeEach
  void anInstance() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    id = createInstance("501337");
    guid = id.substring(id.indexOf('/') + 1);
    events = INSTANCES + "/" + id + "/events";
  }

  // --- POST events ---------------------------------------------------------------------------------------

  @Test
  void postingAnEventAnswersItsIdAndStorageSetsIdTimeInstanceAndOwner() {
    String clientId = UUID.randomUUID().toString();
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    StorageHttp.Response posted = as(APP_OWNER).post(events, json("""
        {"id": "%s", "instanceId": "%s", "dataId": "d6b1e0d5-51b4-4b0e-9f6a-000000000001", "eventType": "Saved",
         "created": "2001-01-01T00:00:00Z", "instanceOwnerPartyId": "999",
         "user": {"userId": 12345, "authenticationLevel": 3, "nationalIdentityNumber": "01017512345"},
         "processInfo": {"started": "2019-05-02T13:00:00Z", "startEvent": "StartEvent_1",
           "currentTask": {"flow": 2, "started": "2019-05-02T13:00:01Z", "elementId": "Task_1",
             "name": "Utfylling", "altinnTaskType": "data"}}}
        """.formatted(clientId, id)));
    Instant after = Instant.now();

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.contentType()).startsWith("application/json");
    JsonNode body = posted.json();
    assertThat(body.isString()).as(posted.text()).isTrue();
    String eventId = body.asString();
    assertThat(eventId).matches("[0-9a-f-]{36}").isNotEqualTo(clientId);
    assertThat(posted.header("Location")).endsWith(events + "/" + eventId);

    JsonNode stored = http.get(events + "/" + eventId).json();
    assertThat(instant(stored, "created")).isBetween(before, after);
    assertThat(stored).isEqualTo(json("""
        {"id": "%s", "instanceId": "%s", "dataId": "d6b1e0d5-51b4-4b0e-9f6a-000000000001", "eventType": "Saved",
         "created": "%s", "instanceOwnerPartyId": "501337",
         "user": {"userId": 12345, "authenticationLevel": 3, "nationalIdentityNumber": "01017512345"},
         "processInfo": {"started": "2019-05-02T13:00:00Z", "startEvent": "StartEvent_1",
           "currentTask": {"flow": 2, "started": "2019-05-02T13:00:01Z", "elementId": "Task_1",
             "name": "Utfylling", "altinnTaskType": "data", "ended": null, "validated": null},
           "ended": null, "endEvent": null}}
        """.formatted(eventId, id, stored.path("created").asString())));
    assertThat(http.get(events + "/" + clientId).status()).isEqualTo(404);
  }

  @Test
  void postingAnEventWithoutAUserRecordsTheCaller() {
    String eventId = as(USER_1337).post(events, Map.of("eventType", "Saved")).json().asString();

    JsonNode stored = http.get(events + "/" + eventId).json();

    assertThat(stored).isEqualTo(json("""
        {"id": "%s", "instanceId": "%s", "dataId": null, "eventType": "Saved", "created": "%s",
         "instanceOwnerPartyId": "501337", "user": {"userId": 1337, "authenticationLevel": 2}}
        """.formatted(eventId, id, stored.path("created").asString())));
  }

  @Test
  void postingAnEventOfAnotherInstanceOrWithoutAnEventTypeIsRefused() {
    String other = "501337/" + UUID.randomUUID();

    assertProblem(as(USER_1337).post(events, Map.of("eventType", "Saved", "instanceId", other)), 400,
        "instanceId '" + other + "' is not the instance of the path");
    assertProblem(as(USER_1337).post(events, Map.of("eventType", "Saved", "instanceId", "512345/" + guid)), 400,
        "is not the instance of the path");
    assertProblem(as(USER_1337).post(events, Map.of("dataId", "x")), 400, "must have an eventType");
    assertProblem(as(USER_1337).post(events, Map.of("eventType", " ")), 400, "must have an eventType");
    assertProblem(as(USER_1337).send("POST", events, null, "application/json"), 400, "eventType");
    assertProblem(as(USER_1337).send("POST", events, "{\"eventType\":", "application/json"), 400,
        "not valid JSON");

    assertThat(eventTypes(http.get(events).json())).containsExactly("Created");
  }

  @Test
  void postingAnEventToAnUnknownInstanceOrUnderAnotherPartyIsNotFound() {
    Map<String, String> saved = Map.of("eventType", "Saved");

    assertProblem(as(USER_1337).post(INSTANCES + "/501337/" + UUID.randomUUID() + "/events", saved), 404,
        "was not found");
    assertProblem(as(USER_1337).post(INSTANCES + "/512345/" + guid + "/events", saved), 404,
        "Instance 512345/" + guid + " was not found");
    assertProblem(as(USER_1337).post(INSTANCES + "/501337/not-a-guid/events", saved), 400, "instanceGuid");

    assertThat(eventTypes(http.get(events).json())).containsExactly("Created");
  }

  // --- GET events ----------------------------------------------------------------------------------------

  @Test
  void listingAnswersAllEventsOldestFirstIncludingTheCreatedEvent() {
    recordEvents(
        Map.of("eventType", "Submited", "created", "2019-05-03T13:00:00Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T12:00:00Z"));

    StorageHttp.Response listed = http.get(events);

    assertThat(listed.status()).isEqualTo(200);
    JsonNode body = listed.json();
    assertThat(body.propertyNames()).containsExactly("instanceEvents");
    JsonNode list = body.path("instanceEvents");
    assertThat(eventTypes(body)).containsExactly("Saved", "Submited", "Created");
    assertThat(list.get(0).path("created").asString()).isEqualTo("2019-05-03T12:00:00Z");
    assertThat(list.get(1).path("created").asString()).isEqualTo("2019-05-03T13:00:00Z");
    JsonNode created = list.get(2);
    assertThat(created.path("instanceId").asString()).isEqualTo(id);
    assertThat(created.path("instanceOwnerPartyId").asString()).isEqualTo("501337");
    assertThat(created.path("user")).isEqualTo(json("{\"userId\": 1337, \"authenticationLevel\": 2}"));
    assertThat(created.path("created").asString())
        .isEqualTo(http.get(INSTANCES + "/" + id).json().path("created").asString());
    for (JsonNode event : list) {
      assertThat(event.path("id").asString()).matches("[0-9a-f-]{36}");
      assertThat(event.path("instanceId").asString()).isEqualTo(id);
    }
  }

  @Test
  void listingFiltersByEventTypesCommaSeparatedOrRepeated() {
    recordEvents(
        Map.of("eventType", "Saved", "created", "2019-05-03T12:00:00Z"),
        Map.of("eventType", "Submited", "created", "2019-05-03T13:00:00Z"),
        Map.of("eventType", "Deleted", "created", "2019-05-03T14:00:00Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T15:00:00Z"));

    assertThat(eventTypes(http.get(events + "?eventTypes=Saved,Created").json()))
        .containsExactly("Saved", "Saved", "Created");
    assertThat(eventTypes(http.get(events + "?eventTypes=Submited&eventTypes=Deleted").json()))
        .containsExactly("Submited", "Deleted");
    assertThat(eventTypes(http.get(events + "?eventTypes=Submited").json())).containsExactly("Submited");
    assertThat(eventTypes(http.get(events + "?eventTypes=Undeleted").json())).isEmpty();
    assertThat(eventTypes(http.get(events + "?eventTypes=").json()))
        .containsExactly("Saved", "Submited", "Deleted", "Saved", "Created");
  }

  @Test
  void listingWithinATimeWindowIncludesBothBoundsAndEachBoundAppliesAlone() {
    recordEvents(
        Map.of("eventType", "Saved", "created", "2019-05-03T12:00:00Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T12:55:23Z"),
        Map.of("eventType", "Submited", "created", "2019-05-03T13:30:00Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T14:00:00Z"),
        Map.of("eventType", "Deleted", "created", "2019-05-03T14:00:01Z"));

    assertThat(createdTimes(events + "?from=2019-05-03T12:55:23Z&to=2019-05-03T14:00:00Z"))
        .containsExactly("2019-05-03T12:55:23Z", "2019-05-03T13:30:00Z", "2019-05-03T14:00:00Z");
    assertThat(createdTimes(events + "?to=2019-05-03T12:55:23Z"))
        .containsExactly("2019-05-03T12:00:00Z", "2019-05-03T12:55:23Z");
    assertThat(eventTypes(http.get(events + "?from=2019-05-03T14:00:00Z").json()))
        .containsExactly("Saved", "Deleted", "Created");
    assertThat(createdTimes(events + "?from=2019-05-03T13:00:00Z&to=2019-05-03T13:59:59Z&eventTypes=Saved"))
        .isEmpty();
    assertThat(createdTimes(events + "?from=2019-05-03T12:00:00Z&to=2019-05-03T14:00:01Z&eventTypes=Saved"))
        .containsExactly("2019-05-03T12:00:00Z", "2019-05-03T12:55:23Z", "2019-05-03T14:00:00Z");
  }

  @Test
  void aDateWithoutAnOffsetIsUtcAndOneWithAnOffsetIsHonoured() {
    recordEvents(
        Map.of("eventType", "Saved", "created", "2019-05-03T12:55:22Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T12:55:23Z"),
        Map.of("eventType", "Saved", "created", "2019-05-03T12:55:24Z"));

    assertThat(createdTimes(events + "?from=2019-05-03T12:55:23&to=2019-05-03T12:55:23"))
        .containsExactly("2019-05-03T12:55:23Z");
    assertThat(createdTimes(events + "?from=2019-05-03T14:55:23%2B02:00&to=2019-05-03T14:55:24%2B02:00"))
        .containsExactly("2019-05-03T12:55:23Z", "2019-05-03T12:55:24Z");
    assertThat(createdTimes(events + "?from=2019-05-03&to=2019-05-04"))
        .containsExactly("2019-05-03T12:55:22Z", "2019-05-03T12:55:23Z", "2019-05-03T12:55:24Z");
  }

  @Test
  void aMalformedDateIsRefusedNamingTheParameter() {
    assertProblem(http.get(events + "?from=yesterday"), 400, "The from value 'yesterday' is not an ISO 8601");
    assertProblem(http.get(events + "?to=2019-13-03T12:55:23"), 400, "The to value '2019-13-03T12:55:23'");
    assertProblem(http.get(events + "?from=2019-05-03T12:00:00Z&to=03.05.2019"), 400, "The to value");
  }

  @Test
  void listingTheEventsOfAnUnknownInstanceOrUnderAnotherPartyIsNotFound() {
    assertProblem(http.get(INSTANCES + "/501337/" + UUID.randomUUID() + "/events"), 404, "was not found");
    assertProblem(http.get(INSTANCES + "/512345/" + guid + "/events"), 404, "512345/" + guid + " was not found");
  }

  // --- GET events/{eventId} ------------------------------------------------------------------------------

  @Test
  void gettingOneEventAnswersThatEvent() {
    String eventId = as(USER_1337).post(events, Map.of("eventType", "Saved", "dataId", "abc")).json().asString();

    StorageHttp.Response read = http.get(events + "/" + eventId);

    assertThat(read.status()).isEqualTo(200);
    JsonNode listed = http.get(events + "?eventTypes=Saved").json().path("instanceEvents").get(0);
    assertThat(read.json()).isEqualTo(listed);
    assertThat(read.json().path("id").asString()).isEqualTo(eventId);
    assertThat(read.json().path("dataId").asString()).isEqualTo("abc");
  }

  @Test
  void gettingAnEventOfAnotherInstanceAnUnknownEventOrANonGuidIsRefused() {
    String otherId = createInstance("501337");
    String otherEvent = as(USER_1337).post(INSTANCES + "/" + otherId + "/events", Map.of("eventType", "Saved"))
        .json().asString();
    String unknown = UUID.randomUUID().toString();

    assertProblem(http.get(events + "/" + otherEvent), 404, "Event " + otherEvent + " of instance " + id);
    assertProblem(http.get(events + "/" + unknown), 404, "Event " + unknown + " of instance " + id);
    assertProblem(http.get(events + "/not-a-guid"), 400, "eventId");
    assertProblem(http.get(INSTANCES + "/512345/" + guid + "/events/" + unknown), 404, "was not found");
    assertThat(http.get(INSTANCES + "/" + otherId + "/events/" + otherEvent).status()).isEqualTo(200);
  }

  // --- DELETE events -------------------------------------------------------------------------------------

  @Test
  void deletingTheEventsRemovesThemAll() {
    String posted = as(USER_1337).post(events, Map.of("eventType", "Saved")).json().asString();
    recordEvents(Map.of("eventType", "Submited", "created", "2019-05-03T12:00:00Z"));
    String otherId = createInstance("501337");

    StorageHttp.Response deleted = as(APP_OWNER).delete(events);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(http.get(events).json()).isEqualTo(json("{\"instanceEvents\": []}"));
    assertProblem(http.get(events + "/" + posted), 404, "was not found");
    assertThat(eventTypes(http.get(INSTANCES + "/" + otherId + "/events").json())).containsExactly("Created");
    assertThat(http.get(INSTANCES + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void deletingTheEventsOfAnUnknownInstanceIsNotFound() {
    assertProblem(http.delete(INSTANCES + "/501337/" + UUID.randomUUID() + "/events"), 404, "was not found");
    assertProblem(http.delete(INSTANCES + "/512345/" + guid + "/events"), 404, "was not found");
    assertThat(eventTypes(http.get(events).json())).containsExactly("Created");
  }

  // --- helpers -------------------------------------------------------------------------------------------

  private String createInstance(String partyId) {
    StorageHttp.Response created = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", partyId)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Records events with times of the test's choosing, the way an app reports a process move. */
  @SafeVarargs
  private void recordEvents(Map<String, String>... reported) {
    StorageHttp.Response response = as(USER_1337).put(INSTANCES + "/" + id + "/process/instanceandevents",
        Map.of("state", Map.of("started", "2019-05-03T11:00:00Z", "startEvent", "StartEvent_1"),
            "events", List.of(reported)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private List<String> createdTimes(String path) {
    StorageHttp.Response response = http.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("instanceEvents").valueStream().map(e -> e.path("created").asString()).toList();
  }

  private static List<String> eventTypes(JsonNode list) {
    return list.path("instanceEvents").valueStream().map(e -> e.path("eventType").asString()).toList();
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.path(field).asString());
  }

  private static ObjectNode json(String text) {
    return (ObjectNode) StorageHttp.JSON.readTree(text);
  }
}
