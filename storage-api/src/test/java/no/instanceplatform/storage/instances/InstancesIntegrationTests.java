package no.instanceplatform.storage.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InstancesIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  ApplicationStore applications;

  @BeforeEach
  void anApp() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    applications.upsert(TestApplications.ttdApp("protected-app", 30));
  }

  @Test
  void creatingAnInstanceSetsIdentityOwnershipAndTimestamps() {
    StorageHttp.Response created = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337", "personNumber", "01039012345"),
            "dueBefore", "2030-06-01T12:00:00Z"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode instance = created.json();
    String id = instance.path("id").asString();
    assertThat(id).matches("501337/[0-9a-f-]{36}");
    assertThat(created.header("Location")).isEqualTo("http://localhost:5101/storage/api/v1/instances/" + id);
    assertThat(instance.path("appId").asString()).isEqualTo("ttd/test-app");
    assertThat(instance.path("org").asString()).isEqualTo("ttd");
    assertThat(instance.path("instanceOwner").path("personNumber").asString()).isEqualTo("01039012345");
    assertThat(instance.path("createdBy").asString()).isEqualTo("1337");
    assertThat(instance.path("lastChangedBy").asString()).isEqualTo("1337");
    assertThat(instance.path("created").asString()).endsWith("Z").isEqualTo(instance.path("lastChanged").asString());
    assertThat(instance.path("visibleAfter").asString()).isEqualTo(instance.path("created").asString());
    assertThat(instance.path("dueBefore").asString()).isEqualTo("2030-06-01T12:00:00Z");
    assertThat(instance.path("data").isArray()).isTrue();
    assertThat(instance.path("data").size()).isZero();
    assertThat(instance.path("status").path("isArchived").asBoolean()).isFalse();
    assertThat(instance.path("status").path("readStatus").asString()).isEqualTo("Unread");
    assertThat(instance.path("selfLinks").path("apps").asString())
        .isEqualTo("http://localhost:5005/ttd/test-app/instances/" + id);

    StorageHttp.Response read = http.get(INSTANCES + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(instance);
  }

  @Test
  void creatingRecordsACreatedEvent() {
    String id = createInstance();

    JsonNode events = http.get(INSTANCES + "/" + id + "/events").json().path("instanceEvents");

    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("eventType").asString()).isEqualTo("Created");
    assertThat(events.get(0).path("instanceId").asString()).isEqualTo(id);
    assertThat(events.get(0).path("instanceOwnerPartyId").asString()).isEqualTo("501337");
    assertThat(events.get(0).path("user").path("userId").asInt()).isEqualTo(1337);
  }

  @Test
  void aVisibleAfterInTheFutureIsKeptAndOneInThePastBecomesNow() {
    StorageHttp.Response future = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"), "visibleAfter", "2099-01-01T00:00:00Z"));
    StorageHttp.Response past = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"), "visibleAfter", "2001-01-01T00:00:00Z"));

    assertThat(future.json().path("visibleAfter").asString()).isEqualTo("2099-01-01T00:00:00Z");
    assertThat(past.json().path("visibleAfter").asString()).isEqualTo(past.json().path("created").asString());
  }

  @Test
  void creatingRefusesBadInput() {
    Map<String, Object> owner = Map.of("instanceOwner", Map.of("partyId", "501337"));
    assertProblem(http.post(INSTANCES, owner), 400, "appId is required");
    assertProblem(http.post(INSTANCES + "?appId=ttd", owner), 400, "exactly one '/'");
    assertProblem(http.post(INSTANCES + "?appId=ttd/test/app", owner), 400, "exactly one '/'");
    assertProblem(http.post(INSTANCES + "?appId=TTD/test-app", owner), 400, "org 'TTD' is not valid");
    assertProblem(http.post(INSTANCES + "?appId=ttd/-app", owner), 400, "app name '-app' is not valid");
    assertProblem(http.post(INSTANCES + "?appId=ttd/no-such-app", owner), 404, "ttd/no-such-app was not found");
    assertProblem(http.post(INSTANCES + "?appId=ttd/test-app", Map.of("dueBefore", "2030-01-01T00:00:00Z")), 400,
        "instanceOwner.partyId");
    assertProblem(http.post(INSTANCES + "?appId=ttd/test-app", Map.of("instanceOwner", Map.of("partyId", "abc"))),
        400, "'abc' is not a party id");
    assertProblem(http.send("POST", INSTANCES + "?appId=ttd/test-app", null, "application/json"), 400,
        "must be an instance template");
    assertProblem(http.send("POST", INSTANCES + "?appId=ttd/test-app", "{\"instanceOwner\":", "application/json"),
        400, "not valid JSON");
    assertProblem(http.post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"), "dueBefore", "tomorrow")), 400, "dueBefore");
    assertProblem(http.send("POST", INSTANCES + "?appId=ttd/test-app", "<instance/>", "application/xml"), 415, "");
  }

  @Test
  void anInstanceIsNotFoundUnderAnotherPartyOrAnUnknownGuid() {
    String id = createInstance();
    String guid = id.substring(id.indexOf('/') + 1);

    assertProblem(http.get(INSTANCES + "/512345/" + guid), 404, "512345/" + guid + " was not found");
    assertProblem(http.get(INSTANCES + "/501337/" + UUID.randomUUID()), 404, "was not found");
    assertProblem(http.get(INSTANCES + "/501337/not-a-guid"), 400, "instanceGuid");
    assertProblem(http.get(INSTANCES + "/party/" + guid), 400, "partyId");
  }

  @Test
  void pathsWithATrailingSlashAndGatewayHeadersAreServed() {
    String id = createInstance();

    StorageHttp.Response read = http.with("Ocp-Apim-Subscription-Key", "abc").get(INSTANCES + "/" + id + "/");

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("id").asString()).isEqualTo(id);
  }

  @Test
  void unknownRoutesAnswerANotFoundProblem() {
    assertProblem(http.get("/storage/api/v1/nothing-here"), 404, "There is no endpoint at GET");
    assertProblem(http.send("PATCH", INSTANCES + "/501337/" + UUID.randomUUID(), "{}", "application/json"), 405,
        "");
  }

  @Test
  void softDeletingMovesTheInstanceToTheRecycleBin() {
    String id = createInstance();

    StorageHttp.Response deleted = as(USER_1337).delete(INSTANCES + "/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    JsonNode status = deleted.json().path("status");
    assertThat(status.path("isSoftDeleted").asBoolean()).isTrue();
    assertThat(status.path("softDeleted").asString()).isEqualTo(deleted.json().path("lastChanged").asString());
    assertThat(status.path("isHardDeleted").asBoolean()).isFalse();
    assertThat(status.path("hardDeleted").isNull()).isTrue();
    assertThat(eventTypes(id)).containsExactly("Created", "Deleted");
  }

  @Test
  void deletingHardMarksInstanceUnrecoverable() {
    String id = createInstance();

    JsonNode status = as(USER_1337).delete(INSTANCES + "/" + id + "?hard=true").json().path("status");

    assertThat(status.path("isHardDeleted").asBoolean()).isTrue();
    assertThat(status.path("hardDeleted").asString()).endsWith("Z");
    assertThat(status.path("isSoftDeleted").asBoolean()).isTrue();
    assertThat(http.get(INSTANCES + "/" + id).json().path("status").path("isHardDeleted").asBoolean()).isTrue();
    assertProblem(http.delete(INSTANCES + "/" + id + "?hard=maybe"), 400, "'hard'");
  }

  @Test
  void anArchivedInstanceOfAProtectingAppCannotBeDeletedYet() {
    String protectedId = createInstance("ttd/protected-app");
    String plainId = createInstance("ttd/test-app");
    Map<String, Object> ended = Map.of("started", "2024-01-01T00:00:00Z", "ended", Instant.now().toString(),
        "endEvent", "EndEvent_1");
    http.put(INSTANCES + "/" + protectedId + "/process", ended);
    http.put(INSTANCES + "/" + plainId + "/process", ended);

    assertProblem(http.delete(INSTANCES + "/" + protectedId + "?hard=true"), 403, "preventInstanceDeletionForDays");
    assertThat(http.get(INSTANCES + "/" + protectedId).json().path("status").path("isHardDeleted").asBoolean())
        .isFalse();
    assertThat(http.delete(INSTANCES + "/" + plainId + "?hard=true").status()).isEqualTo(200);
  }

  @Test
  void completingIsRecordedOncePerStakeholder() {
    String id = createInstance();

    JsonNode first = as(APP_OWNER).post(INSTANCES + "/" + id + "/complete", null).json();
    JsonNode second = as(APP_OWNER).post(INSTANCES + "/" + id + "/complete", null).json();

    assertThat(first.path("completeConfirmations")).hasSize(1);
    assertThat(first.path("completeConfirmations").get(0).path("stakeholderId").asString()).isEqualTo("ttd");
    assertThat(second.path("completeConfirmations")).isEqualTo(first.path("completeConfirmations"));
    assertThat(second.path("lastChanged")).isEqualTo(first.path("lastChanged"));
    assertThat(first.path("lastChangedBy").asString()).isEqualTo("991825827");
    assertThat(eventTypes(id)).containsExactly("Created", "ConfirmedComplete");
  }

  @Test
  void onlyAnAppOwnerCanConfirmComplete() {
    String id = createInstance();

    assertProblem(as(USER_1337).post(INSTANCES + "/" + id + "/complete", null), 403, "Only the app owner");
    assertThat(http.get(INSTANCES + "/" + id).json().path("completeConfirmations")).isEmpty();
  }

  @Test
  void readStatusTakesTheThreeValuesAndRecordsNoEvent() {
    String id = createInstance();
    JsonNode before = http.get(INSTANCES + "/" + id).json();

    JsonNode read = http.put(INSTANCES + "/" + id + "/readstatus?status=Read", null).json();
    JsonNode updated = http.put(INSTANCES + "/" + id + "/readstatus?status=UpdatedSinceLastReview", null).json();

    assertThat(read.path("status").path("readStatus").asString()).isEqualTo("Read");
    assertThat(updated.path("status").path("readStatus").asString()).isEqualTo("UpdatedSinceLastReview");
    assertThat(updated.path("lastChanged")).isEqualTo(before.path("lastChanged"));
    assertThat(eventTypes(id)).containsExactly("Created");
    assertProblem(http.put(INSTANCES + "/" + id + "/readstatus?status=Opened", null), 400, "not 'Opened'");
    assertProblem(http.put(INSTANCES + "/" + id + "/readstatus", null), 400, "must be Read, Unread");
  }

  @Test
  void substatusNeedsALabelAndIsRecorded() {
    String id = createInstance();

    JsonNode updated = as(APP_OWNER).put(INSTANCES + "/" + id + "/substatus",
        Map.of("label", "some.label", "description", "Beskrivelse")).json();

    assertThat(updated.path("status").path("substatus").path("label").asString()).isEqualTo("some.label");
    assertThat(updated.path("status").path("substatus").path("description").asString()).isEqualTo("Beskrivelse");
    assertThat(eventTypes(id)).containsExactly("Created", "SubstatusUpdated");
    assertProblem(http.put(INSTANCES + "/" + id + "/substatus", Map.of("description", "no label")), 400,
        "must have a label");
    assertProblem(http.put(INSTANCES + "/" + id + "/substatus", Map.of("label", " ")), 400, "must have a label");
  }

  @Test
  void presentationTextsAndDataValuesAreMergedAndEmptyValuesRemoveKeys() {
    String id = createInstance();

    http.put(INSTANCES + "/" + id + "/presentationtexts", Map.of("texts", Map.of("a", "1", "b.c", "2", "$d", "3")));
    JsonNode texts = http.put(INSTANCES + "/" + id + "/presentationtexts",
        Map.of("texts", Map.of("a", "", "e", "5"))).json().path("presentationTexts");
    http.put(INSTANCES + "/" + id + "/datavalues", Map.of("values", Map.of("x", "1", "y", "2")));
    JsonNode values = http.put(INSTANCES + "/" + id + "/datavalues", Map.of("values", Map.of("y", "")))
        .json().path("dataValues");

    assertThat(texts.propertyNames()).containsExactlyInAnyOrder("b.c", "$d", "e");
    assertThat(texts.path("b.c").asString()).isEqualTo("2");
    assertThat(values.propertyNames()).containsExactly("x");
    assertThat(http.get(INSTANCES + "/" + id).json().path("presentationTexts")).isEqualTo(texts);
    assertProblem(http.put(INSTANCES + "/" + id + "/presentationtexts", Map.of("other", "x")), 400, "'texts'");
    assertProblem(http.put(INSTANCES + "/" + id + "/datavalues", Map.of()), 400, "'values'");
  }

  @Test
  void concurrentWritesToOneInstanceAreAllKept() throws Exception {
    String id = createInstance();
    int writers = 16;

    try (var pool = Executors.newFixedThreadPool(writers)) {
      var results = IntStream.range(0, writers)
          .mapToObj(i -> pool.submit(() -> http.put(INSTANCES + "/" + id + "/presentationtexts",
              Map.of("texts", Map.of("key" + i, "value" + i))).status()))
          .toList();
      for (var result : results) {
        assertThat(result.get()).isEqualTo(200);
      }
    }

    assertThat(http.get(INSTANCES + "/" + id).json().path("presentationTexts").size()).isEqualTo(writers);
  }

  @Test
  void writesHonourIfMatchAndAStaleTagIsAPreconditionFailure() {
    String id = createInstance();
    StorageHttp.Response read = http.get(INSTANCES + "/" + id);
    String tag = read.header("ETag");

    StorageHttp.Response written = http.with("If-Match", tag).put(INSTANCES + "/" + id + "/datavalues",
        Map.of("values", Map.of("a", "1")));

    assertThat(tag).matches("\"[0-9]+-[0-9]+\"");
    assertThat(written.status()).isEqualTo(200);
    assertThat(written.header("ETag")).isNotEqualTo(tag).isEqualTo(http.get(INSTANCES + "/" + id).header("ETag"));
    assertProblem(http.with("If-Match", tag).put(INSTANCES + "/" + id + "/datavalues",
        Map.of("values", Map.of("a", "2"))), 412, "has changed since the version in If-Match");
    assertProblem(http.with("If-Match", tag).delete(INSTANCES + "/" + id), 412, "If-Match");
    assertThat(http.get(INSTANCES + "/" + id).json().path("dataValues").path("a").asString()).isEqualTo("1");
    assertThat(http.with("If-Match", "*").put(INSTANCES + "/" + id + "/readstatus?status=Read", null).status())
        .isEqualTo(200);
    String current = http.get(INSTANCES + "/" + id).header("ETag");
    assertThat(http.with("If-Match", "\"other\", " + current)
        .put(INSTANCES + "/" + id + "/process", Map.of("started", "2024-01-01T00:00:00Z")).status()).isEqualTo(200);
  }

  @Test
  void theTagChangesWithEveryWriteEvenOneThatLeavesLastChangedAloneAndOnlyThen() {
    String id = createInstance();
    StorageHttp.Response before = http.get(INSTANCES + "/" + id);
    String created = before.header("ETag");
    assertThat(as(USER_1337).get(INSTANCES + "/" + id).header("ETag")).isEqualTo(created);

    StorageHttp.Response read = as(USER_1337).put(INSTANCES + "/" + id + "/readstatus?status=Read", null);
    assertThat(read.json().path("lastChanged")).isEqualTo(before.json().path("lastChanged"));
    assertThat(read.header("ETag")).isNotEqualTo(created).isEqualTo(http.get(INSTANCES + "/" + id).header("ETag"));

    StorageHttp.Response again = as(USER_1337).put(INSTANCES + "/" + id + "/readstatus?status=Read", null);
    assertThat(again.header("ETag")).isEqualTo(read.header("ETag"));

    StorageHttp.Response upload = as(USER_1337).send("POST", INSTANCES + "/" + id + "/data?dataType=default",
        "<skjema/>", "application/xml");
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    assertThat(http.get(INSTANCES + "/" + id).header("ETag")).isNotEqualTo(read.header("ETag"));
  }

  private String createInstance() {
    return createInstance("ttd/test-app");
  }

  private String createInstance(String appId) {
    StorageHttp.Response created = as(USER_1337).post(INSTANCES + "?appId=" + appId,
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private List<String> eventTypes(String id) {
    return http.get(INSTANCES + "/" + id + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString())
        .toList();
  }
}
