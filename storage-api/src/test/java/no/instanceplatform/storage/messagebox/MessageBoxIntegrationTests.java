package no.instanceplatform.storage.messagebox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class MessageBoxIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";
  private static final String SBL = "/storage/api/v1/sbl/instances";
  private static final String PARTY = "501337";
  private static final String DDG = "500000";

  @Autowired
  ApplicationStore applications;

  @Autowired
  InstanceStore store;

  private StorageHttp user;

  @BeforeEach
  void apps() {
    user = as(USER_1337);
    app("multi", "{\"nb\": \"Skjema på bokmål\", \"en\": \"Form in English\", \"nn\": \"Skjema på nynorsk\"}", "");
    app("english-only", "{\"en\": \"Only English\"}", "");
    app("sami-only", "{\"se\": \"Sámegiel skovvi\"}", "");
    app("nn-no", "{\"nn-NO\": \"Nynorsk med region\", \"nb\": \"Bokmål\"}", "");
    app("protected", "{\"nb\": \"Verna skjema\"}",
        ", \"preventInstanceDeletionForDays\": 30, \"copyInstanceSettings\": {\"enabled\": true}");
  }

  // ---- GET one ----

  @Test
  void oneInstanceCarriesEveryFieldOfTheMessageBox() {
    String id = create("multi", PARTY, Map.of("dueBefore", "2030-06-01T12:00:00Z"));
    http.put(INSTANCES + "/" + id + "/process", Map.of("started", "2024-01-01T00:00:00Z",
        "startEvent", "StartEvent_1", "currentTask", Map.of("flow", 2, "elementId", "Task_1")));
    http.put(INSTANCES + "/" + id + "/substatus", Map.of("label", "sub.label", "description", "Beskrivelse"));
    JsonNode instance = http.get(INSTANCES + "/" + id).json();

    StorageHttp.Response response = user.get(SBL + "/" + id);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode box = response.json();
    assertThat(fieldNames(box)).containsExactly("id", "instanceOwnerId", "org", "appName", "title",
        "processCurrentTask", "createDateTime", "lastChangedBy", "lastChangedDateTime", "dueDateTime", "allowDelete",
        "authorizedForWrite", "allowNewCopy", "deletedDateTime", "archivedDateTime", "readStatus", "substatus");
    assertThat(box.path("id").asString()).isEqualTo(guid(id));
    assertThat(box.path("instanceOwnerId").isNumber()).isTrue();
    assertThat(box.path("instanceOwnerId").asLong()).isEqualTo(501337L);
    assertThat(box.path("org").asString()).isEqualTo("ttd");
    assertThat(box.path("appName").asString()).isEqualTo("multi");
    assertThat(box.path("title").asString()).isEqualTo("Skjema på bokmål");
    assertThat(box.path("processCurrentTask").asString()).isEqualTo("Task_1");
    assertThat(box.path("createDateTime").asString()).isEqualTo(instance.path("created").asString());
    assertThat(box.path("lastChangedBy").asString()).isEqualTo(instance.path("lastChangedBy").asString());
    assertThat(box.path("lastChangedDateTime").asString()).isEqualTo(instance.path("lastChanged").asString());
    assertThat(box.path("dueDateTime").asString()).isEqualTo("2030-06-01T12:00:00Z");
    assertThat(box.path("allowDelete").asBoolean()).isTrue();
    assertThat(box.path("authorizedForWrite").asBoolean()).isTrue();
    assertThat(box.path("allowNewCopy").asBoolean()).isFalse();
    assertThat(box.path("deletedDateTime").isNull()).isTrue();
    assertThat(box.path("archivedDateTime").isNull()).isTrue();
    assertThat(box.path("readStatus").asString()).isEqualTo("Unread");
    assertThat(box.path("substatus").path("label").asString()).isEqualTo("sub.label");
    assertThat(box.path("substatus").path("description").asString()).isEqualTo("Beskrivelse");
  }

  @Test
  void anInstanceWithoutProcessHasNoCurrentTask() {
    String id = create("multi", PARTY);

    JsonNode box = user.get(SBL + "/" + id).json();

    assertThat(box.path("processCurrentTask").isNull()).isTrue();
    assertThat(box.path("dueDateTime").isNull()).isTrue();
  }

  @Test
  void theTitleIsInTheRequestedLanguageWithFallbackToBokmalEnglishAndWhateverTheAppHas() {
    String multi = create("multi", PARTY);
    String english = create("english-only", PARTY);
    String sami = create("sami-only", PARTY);
    String nnNo = create("nn-no", PARTY);
    String bokmalAndEnglish = create("protected", PARTY);

    assertThat(title(multi, null)).isEqualTo("Skjema på bokmål");
    assertThat(title(multi, "nb")).isEqualTo("Skjema på bokmål");
    assertThat(title(multi, "en")).isEqualTo("Form in English");
    assertThat(title(multi, "EN")).isEqualTo("Form in English");
    assertThat(title(multi, "nn")).isEqualTo("Skjema på nynorsk");
    assertThat(title(multi, "nn-NO")).isEqualTo("Skjema på nynorsk");
    assertThat(title(nnNo, "nn")).isEqualTo("Nynorsk med region");
    assertThat(title(nnNo, "nn-NO")).isEqualTo("Nynorsk med region");
    assertThat(title(nnNo, "en")).isEqualTo("Bokmål");
    assertThat(title(english, "nb")).isEqualTo("Only English");
    assertThat(title(english, "nn-NO")).isEqualTo("Only English");
    assertThat(title(sami, "nb")).isEqualTo("Sámegiel skovvi");
    assertThat(title(sami, "en")).isEqualTo("Sámegiel skovvi");
    assertThat(title(bokmalAndEnglish, "nn")).isEqualTo("Verna skjema");
  }

  @Test
  void anUnknownLanguageIsRefusedOnEveryEndpointThatTakesOne() {
    String id = create("multi", PARTY);

    assertProblem(user.get(SBL + "/" + id + "?language=de"), 400, "'de' is not supported: use en, nb, nn-NO or nn");
    assertProblem(user.get(SBL + "/" + PARTY + "?state=active&language=sv"), 400, "'sv' is not supported");
    assertProblem(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY + "&language=nb-NO"), 400,
        "'nb-NO' is not supported");
    assertProblem(user.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of(501337),
        "includeActive", true, "language", "fr")), 400, "'fr' is not supported");
  }

  @Test
  void usersDoNotSeeHardDeletedOrNotYetVisibleInstancesOrThoseOfOthers() {
    String hard = create("multi", PARTY);
    http.delete(INSTANCES + "/" + hard + "?hard=true");
    String future = create("multi", PARTY, Map.of("visibleAfter", "2099-01-01T00:00:00Z"));
    String other = create("multi", "512345");

    assertProblem(user.get(SBL + "/" + hard), 404, "was not found");
    assertProblem(user.get(SBL + "/" + future), 404, "was not found");
    assertProblem(user.get(SBL + "/" + other), 404, "was not found");
    assertProblem(user.get(SBL + "/501337/" + UUID.randomUUID()), 404, "was not found");
    assertProblem(as("user:12345:2").get(SBL + "/" + create("multi", PARTY)), 404, "was not found");
    assertProblem(user.get(SBL + "/" + PARTY + "/not-a-guid"), 400, "instanceGuid");
    assertProblem(anonymous.get(SBL + "/" + other), 401, "bearer token");
  }

  @Test
  void whatTheCallerMayDoFollowsTheAccessRules() {
    String id = create("multi", PARTY);

    JsonNode levelOne = as("user:1337:1").get(SBL + "/" + id).json();
    JsonNode owner = http.get(SBL + "/" + id).json();
    StorageHttp.Response noScope = as("org:ttd:altinn:serviceowner/instances.read").get(SBL + "/" + id);

    assertThat(levelOne.path("authorizedForWrite").asBoolean()).isFalse();
    assertThat(levelOne.path("allowDelete").asBoolean()).isFalse();
    assertThat(owner.path("authorizedForWrite").asBoolean()).isTrue();
    assertThat(owner.path("allowDelete").asBoolean()).isTrue();
    assertThat(noScope.status()).isEqualTo(200);
    assertThat(noScope.json().path("authorizedForWrite").asBoolean()).isFalse();
    assertThat(noScope.json().path("allowDelete").asBoolean()).isFalse();
  }

  @Test
  void archivedInstancesMayBeCopiedIfTheAppAllowsAndDeletedOnlyAfterItsProtection() {
    String recent = create("protected", PARTY);
    archive(recent, Instant.now().toString());
    String old = create("protected", PARTY);
    archive(old, "2020-01-01T00:00:00Z");
    String active = create("protected", PARTY);
    String otherApp = create("multi", PARTY);
    archive(otherApp, "2020-01-01T00:00:00Z");

    JsonNode recentBox = user.get(SBL + "/" + recent).json();
    JsonNode oldBox = user.get(SBL + "/" + old).json();

    assertThat(recentBox.path("archivedDateTime").asString()).isNotEmpty();
    assertThat(recentBox.path("allowNewCopy").asBoolean()).isTrue();
    assertThat(recentBox.path("authorizedForWrite").asBoolean()).isTrue();
    assertThat(recentBox.path("allowDelete").asBoolean()).isFalse();
    assertThat(oldBox.path("archivedDateTime").asString()).isEqualTo("2020-01-01T00:00:00Z");
    assertThat(oldBox.path("allowNewCopy").asBoolean()).isTrue();
    assertThat(oldBox.path("allowDelete").asBoolean()).isTrue();
    assertThat(user.get(SBL + "/" + active).json().path("allowNewCopy").asBoolean()).isFalse();
    assertThat(user.get(SBL + "/" + otherApp).json().path("allowNewCopy").asBoolean()).isFalse();
    assertProblem(user.delete(SBL + "/" + recent), 403, "preventInstanceDeletionForDays");
    assertThat(user.delete(SBL + "/" + old).text()).isEqualTo("true");
  }

  // ---- GET /{partyId}?state= ----

  @Test
  void eachStateListsItsOwnInstancesNewestChangeFirst() {
    Boxes boxes = everyKindOfInstance();

    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=active"))).containsExactly(guid(boxes.active2),
        guid(boxes.active1));
    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=archived"))).containsExactly(guid(boxes.archived));
    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=deleted"))).containsExactly(guid(boxes.archivedDeleted),
        guid(boxes.deleted));
    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=DELETED"))).hasSize(2);
    JsonNode deleted = user.get(SBL + "/" + PARTY + "?state=deleted").json();
    assertThat(deleted.get(0).path("deletedDateTime").asString()).isNotEmpty();
    assertThat(deleted.get(0).path("archivedDateTime").asString()).isNotEmpty();
  }

  @Test
  void aPartyListingIsForUsersWhoMayRepresentTheParty() {
    everyKindOfInstance();
    String ddg = create("multi", DDG);

    assertThat(ids(user.get(SBL + "/" + DDG + "?state=active"))).containsExactly(guid(ddg));
    assertThat(as("user:1337:1").get(SBL + "/" + PARTY + "?state=active").status()).isEqualTo(200);
    assertProblem(as("user:12345:2").get(SBL + "/" + PARTY + "?state=active"), 403, "party 501337");
    assertProblem(http.get(SBL + "/" + PARTY + "?state=active"), 403, "party 501337");
    assertProblem(user.get(SBL + "/510001?state=active"), 403, "party 510001");
  }

  @Test
  void theStateIsRequiredAndMustBeOneOfTheThree() {
    assertProblem(user.get(SBL + "/" + PARTY), 400, "active, deleted or archived");
    assertProblem(user.get(SBL + "/" + PARTY + "?state="), 400, "active, deleted or archived");
    assertProblem(user.get(SBL + "/" + PARTY + "?state=all"), 400, "'all' is not valid: use active, deleted or archived");
    assertProblem(user.get(SBL + "/abc?state=active"), 400, "partyId");
  }

  @Test
  void longListsAreReadWholeInOrderAndEndAtTheNewestFiveThousand() {
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    List<Instance> active = new ArrayList<>();
    List<Instance> deleted = new ArrayList<>();
    List<Instance> archived = new ArrayList<>();
    for (int i = 0; i < MessageBoxListing.MOST + 6; i++) {
      // Pairs of one box share a lastChanged, so their order falls to the guid; the newest few are archived.
      Instant changed = base.plusSeconds(i / 2);
      InstanceStatus status = i >= MessageBoxListing.MOST + 4 ? InstanceStatus.initial().withArchived(changed)
          : i % 4 < 2 ? InstanceStatus.initial() : InstanceStatus.initial().withSoftDeleted(changed);
      String guid = UUID.randomUUID().toString();
      Instance instance = new Instance(PARTY + "/" + guid, InstanceOwner.ofParty(PARTY), "ttd/multi", "ttd", null,
          null, base, null, status, List.of(), List.of(), null, null, base, "1337", changed, "1337");
      store.insert(instance, List.of());
      (status.isArchived() ? archived : status.isSoftDeleted() ? deleted : active).add(instance);
    }
    List<Instance> all = new ArrayList<>(active);
    all.addAll(deleted);
    all.addAll(archived);
    List<Instance> activeOrDeleted = new ArrayList<>(active);
    activeOrDeleted.addAll(deleted);

    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=active"))).as("one box, all of it")
        .containsExactlyElementsOf(newest(active, active.size()));
    assertThat(ids(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY))).as("every box: one query")
        .containsExactlyElementsOf(newest(all, MessageBoxListing.MOST));
    assertThat(search(Map.of("includeActive", true, "includeDeleted", true))).as("two boxes merged")
        .containsExactlyElementsOf(newest(activeOrDeleted, MessageBoxListing.MOST));
  }

  // ---- GET /search ----

  @Test
  void theSearchByQueryListsEveryStateButHardDeletedOptionallyOfOneApp() {
    Boxes boxes = everyKindOfInstance();
    String english = create("english-only", PARTY);

    List<String> all = ids(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY));
    List<String> ofApp = ids(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY + "&appId=ttd/english-only"));
    JsonNode inEnglish = user.get(SBL + "/search?instanceOwner.partyId=" + PARTY + "&appId=ttd/multi&language=en")
        .json();

    assertThat(all).containsExactly(guid(english), guid(boxes.active2), guid(boxes.archivedDeleted),
        guid(boxes.deleted), guid(boxes.archived), guid(boxes.active1));
    assertThat(ofApp).containsExactly(guid(english));
    assertThat(inEnglish).hasSize(5);
    assertThat(inEnglish.get(0).path("title").asString()).isEqualTo("Form in English");
  }

  @Test
  void theSearchByQueryNeedsAPartyTheUserMayRepresent() {
    assertProblem(user.get(SBL + "/search"), 400, "instanceOwner.partyId is required");
    assertProblem(user.get(SBL + "/search?instanceOwner.partyId=abc"), 400, "'abc' is not a party id");
    assertProblem(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY + "&appId=ttd"), 400, "exactly one '/'");
    assertProblem(as("user:12345:2").get(SBL + "/search?instanceOwner.partyId=" + PARTY), 403, "party 501337");
    assertProblem(http.get(SBL + "/search?instanceOwner.partyId=" + PARTY), 403, "party 501337");
  }

  // ---- POST /search ----

  @Test
  void theSearchBodyChoosesTheStatesByItsIncludeFlagsAndNoFlagMeansEveryState() {
    Boxes boxes = everyKindOfInstance();

    assertThat(search(Map.of("includeActive", true))).containsExactly(guid(boxes.active2), guid(boxes.active1));
    assertThat(search(Map.of("includeArchived", true))).containsExactly(guid(boxes.archived));
    assertThat(search(Map.of("includeDeleted", true))).containsExactly(guid(boxes.archivedDeleted),
        guid(boxes.deleted));
    assertThat(search(Map.of("includeActive", true, "includeDeleted", true))).containsExactly(guid(boxes.active2),
        guid(boxes.archivedDeleted), guid(boxes.deleted), guid(boxes.active1));
    assertThat(search(Map.of("includeActive", true, "includeArchived", true))).containsExactly(
        guid(boxes.active2), guid(boxes.archived), guid(boxes.active1));
    assertThat(search(Map.of("includeArchived", true, "includeDeleted", true))).containsExactly(
        guid(boxes.archivedDeleted), guid(boxes.deleted), guid(boxes.archived));
    assertThat(search(Map.of("includeActive", true, "includeArchived", true, "includeDeleted", true)))
        .containsExactly(guid(boxes.active2), guid(boxes.archivedDeleted), guid(boxes.deleted), guid(boxes.archived),
            guid(boxes.active1));
    List<String> everything = List.of(guid(boxes.active2), guid(boxes.archivedDeleted), guid(boxes.deleted),
        guid(boxes.archived), guid(boxes.active1));
    assertThat(search(Map.of())).containsExactlyElementsOf(everything);
    assertThat(search(Map.of("includeActive", false, "includeArchived", false, "includeDeleted", false)))
        .containsExactlyElementsOf(everything);
  }

  @Test
  void theSearchBodyCoversSeveralPartiesAndOneApp() {
    String mine = create("multi", PARTY);
    String ddg = create("multi", DDG);
    String english = create("english-only", DDG);
    create("multi", "512345");

    List<String> both = ids(user.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of(501337, 500000),
        "includeActive", true)));
    List<String> ofApp = ids(user.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of(501337, 500000),
        "includeActive", true, "appId", "ttd/multi")));

    assertThat(both).containsExactly(guid(english), guid(ddg), guid(mine));
    assertThat(ofApp).containsExactly(guid(ddg), guid(mine));
  }

  @Test
  void theSearchBodyBoundsLastChangedAndCreatedInclusively() {
    String first = create("multi", PARTY);
    pause();
    String second = create("multi", PARTY);
    pause();
    http.put(INSTANCES + "/" + first + "/datavalues", Map.of("values", Map.of("a", "b")));
    JsonNode firstNow = http.get(INSTANCES + "/" + first).json();
    JsonNode secondNow = http.get(INSTANCES + "/" + second).json();
    String firstCreated = firstNow.path("created").asString();
    String secondCreated = secondNow.path("created").asString();
    String firstChanged = firstNow.path("lastChanged").asString();
    String secondChanged = secondNow.path("lastChanged").asString();

    assertThat(search(Map.of("includeActive", true, "fromLastChanged", firstChanged))).containsExactly(guid(first));
    assertThat(search(Map.of("includeActive", true, "toLastChanged", secondChanged))).containsExactly(guid(second));
    assertThat(search(Map.of("includeActive", true, "fromLastChanged", secondChanged, "toLastChanged", firstChanged)))
        .containsExactly(guid(first), guid(second));
    assertThat(search(Map.of("includeActive", true, "fromCreated", secondCreated))).containsExactly(guid(second));
    assertThat(search(Map.of("includeActive", true, "toCreated", firstCreated))).containsExactly(guid(first));
    assertThat(search(Map.of("includeActive", true, "fromCreated", "2000-01-01T00:00:00",
        "toCreated", "2099-01-01"))).containsExactly(guid(first), guid(second));
    assertThat(search(Map.of("includeActive", true, "toCreated", "2000-01-01T00:00:00+02:00"))).isEmpty();
  }

  @Test
  void theSearchStringFindsAppsByTheirTitleInAnyLanguageIgnoringCase() {
    String multi = create("multi", PARTY);
    String english = create("english-only", PARTY);
    String sami = create("sami-only", PARTY);

    assertThat(search(Map.of("includeActive", true, "searchString", "NYNORSK"))).containsExactly(guid(multi));
    assertThat(search(Map.of("includeActive", true, "searchString", " english "))).containsExactly(
        guid(english), guid(multi));
    assertThat(search(Map.of("includeActive", true, "searchString", "sámegiel"))).containsExactly(guid(sami));
    assertThat(search(Map.of("includeActive", true, "searchString", "English", "appId", "ttd/english-only")))
        .containsExactly(guid(english));
    assertThat(search(Map.of("includeActive", true, "searchString", "Sámegiel", "appId", "ttd/multi"))).isEmpty();
    assertThat(search(Map.of("includeActive", true, "searchString", "no such title"))).isEmpty();
    assertThat(search(Map.of("includeActive", true, "searchString", "  "))).hasSize(3);
  }

  @Test
  void theSearchBodyIsRefusedWhenItIsIncompleteOrMalformed() {
    Map<String, Object> party = Map.of("instanceOwnerPartyIdList", List.of(501337), "includeActive", true);

    assertProblem(user.post(SBL + "/search", Map.of("includeActive", true)), 400, "instanceOwnerPartyIdList");
    assertProblem(user.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of())), 400,
        "at least one party");
    assertProblem(user.send("POST", SBL + "/search", null, "application/json"), 400, "request body");
    assertProblem(user.post(SBL + "/search", "{\"instanceOwnerPartyIdList\": [\"abc\"]}"), 400,
        "instanceOwnerPartyIdList[0]");
    assertProblem(user.post(SBL + "/search", "{\"instanceOwnerPartyIdList\": [501337"), 400, "not valid JSON");
    assertProblem(user.post(SBL + "/search", with(party, "fromLastChanged", "yesterday")), 400,
        "fromLastChanged value 'yesterday' is not an ISO 8601 date-time");
    assertProblem(user.post(SBL + "/search", with(party, "toCreated", "2024-13-01")), 400, "toCreated");
    assertProblem(user.post(SBL + "/search", with(party, "appId", "ttd")), 400, "exactly one '/'");
  }

  @Test
  void theSearchBodyNeedsEveryPartyToBeOneTheUserMayRepresent() {
    assertProblem(user.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of(501337, 512345),
        "includeActive", true)), 403, "party 512345");
    assertProblem(http.post(SBL + "/search", Map.of("instanceOwnerPartyIdList", List.of(501337),
        "includeActive", true)), 403, "party 501337");
  }

  // ---- DELETE, undelete ----

  @Test
  void deletingAnswersTrueAndMovesTheInstanceToTheRecycleBinOrOutOfSight() {
    String soft = create("multi", PARTY);
    String hard = create("multi", PARTY);

    StorageHttp.Response softly = user.delete(SBL + "/" + soft);
    StorageHttp.Response hardly = user.delete(SBL + "/" + hard + "?hard=true");

    assertThat(softly.status()).isEqualTo(200);
    assertThat(softly.contentType()).startsWith("application/json");
    assertThat(softly.text()).isEqualTo("true");
    assertThat(hardly.text()).isEqualTo("true");
    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=deleted"))).containsExactly(guid(soft));
    assertThat(ids(user.get(SBL + "/search?instanceOwner.partyId=" + PARTY))).containsExactly(guid(soft));
    assertThat(user.get(SBL + "/" + soft).json().path("deletedDateTime").asString()).isNotEmpty();
    JsonNode hardStatus = http.get(INSTANCES + "/" + hard).json().path("status");
    assertThat(hardStatus.path("isHardDeleted").asBoolean()).isTrue();
    assertThat(eventTypes(http.get(INSTANCES + "/" + soft + "/events").json())).containsExactly("Created", "Deleted");
    assertProblem(user.delete(SBL + "/" + hard), 404, "was not found");
    assertProblem(as("user:1337:1").delete(SBL + "/" + create("multi", PARTY)), 403, "authentication level");
    assertProblem(user.delete(SBL + "/" + create("multi", PARTY) + "?hard=maybe"), 400, "hard");
  }

  @Test
  void undeletingRestoresASoftDeletedInstanceAndRecordsIt() {
    String id = create("multi", PARTY);
    user.delete(SBL + "/" + id);

    StorageHttp.Response undeleted = user.put(SBL + "/" + id + "/undelete", null);

    assertThat(undeleted.status()).as(undeleted.toString()).isEqualTo(200);
    assertThat(undeleted.text()).isEqualTo("true");
    JsonNode instance = http.get(INSTANCES + "/" + id).json();
    assertThat(instance.path("status").path("isSoftDeleted").asBoolean()).isFalse();
    assertThat(instance.path("status").path("softDeleted").isNull()).isTrue();
    assertThat(instance.path("lastChangedBy").asString()).isEqualTo("1337");
    assertThat(eventTypes(http.get(INSTANCES + "/" + id + "/events").json()))
        .containsExactly("Created", "Deleted", "Undeleted");
    JsonNode sblEvents = user.get(SBL + "/" + id + "/events").json();
    assertThat(eventTypes(sblEvents)).containsExactly("Created", "Deleted", "Undeleted");
    assertThat(sblEvents.get(2).path("user").path("userId").asInt()).isEqualTo(1337);
    assertThat(ids(user.get(SBL + "/" + PARTY + "?state=active"))).containsExactly(guid(id));
    assertThat(user.get(SBL + "/" + PARTY + "?state=deleted").json()).isEmpty();
    assertThat(user.get(SBL + "/" + id).json().path("deletedDateTime").isNull()).isTrue();
  }

  @Test
  void undeletingAnInstanceThatIsNotDeletedAnswersTrueAndChangesNothing() {
    String id = create("multi", PARTY);
    JsonNode before = http.get(INSTANCES + "/" + id).json();

    StorageHttp.Response undeleted = user.put(SBL + "/" + id + "/undelete", null);

    assertThat(undeleted.text()).isEqualTo("true");
    assertThat(http.get(INSTANCES + "/" + id).json()).isEqualTo(before);
    assertThat(eventTypes(http.get(INSTANCES + "/" + id + "/events").json())).containsExactly("Created");
  }

  @Test
  void aHardDeletedInstanceCannotBeRestored() {
    String id = create("multi", PARTY);
    http.delete(INSTANCES + "/" + id + "?hard=true");

    assertProblem(http.put(SBL + "/" + id + "/undelete", null), 404, "permanently deleted");
    assertProblem(user.put(SBL + "/" + id + "/undelete", null), 404, "was not found");
    assertThat(http.get(INSTANCES + "/" + id).json().path("status").path("isHardDeleted").asBoolean()).isTrue();
  }

  @Test
  void undeletingNeedsWriteAccess() {
    String id = create("multi", PARTY);
    http.delete(INSTANCES + "/" + id);

    assertProblem(as("user:1337:1").put(SBL + "/" + id + "/undelete", null), 403, "authentication level");
    assertProblem(as("user:12345:2").put(SBL + "/" + id + "/undelete", null), 404, "was not found");
    assertThat(http.put(SBL + "/" + id + "/undelete", null).text()).isEqualTo("true");
  }

  // ---- events ----

  @Test
  void theEventsAreTheOnesTheMessageBoxShowsOldestFirst() {
    String id = create("multi", PARTY);
    String events = INSTANCES + "/" + id + "/events";
    http.put(INSTANCES + "/" + id + "/process/instanceandevents", Map.of("state", Map.of("started",
        "2024-01-01T00:00:00Z"), "events", List.of(Map.of("eventType", "process_StartTask"))));
    user.post(events, Map.of("eventType", "Created", "dataId", UUID.randomUUID().toString()));
    user.post(events, Map.of("eventType", "Deleted", "dataId", UUID.randomUUID().toString()));
    user.post(events, Map.of("eventType", "Saved"));
    http.post(events, Map.of("eventType", "Saved"));
    http.post(events, Map.of("eventType", "Submited"));
    user.post(events, Map.of("eventType", "SomethingElse"));

    StorageHttp.Response response = user.get(SBL + "/" + id + "/events");

    assertThat(response.status()).isEqualTo(200);
    JsonNode list = response.json();
    assertThat(list.isArray()).isTrue();
    // The data element's creation is a save; it and the next save by user 1337 are one.
    assertThat(eventTypes(list)).containsExactly("Created", "Saved", "Saved", "Submited");
    assertThat(list.get(1).path("user").path("userId").asInt()).isEqualTo(1337);
    assertThat(list.get(2).path("user").path("orgId").asString()).isEqualTo("ttd");
    JsonNode created = list.get(0);
    assertThat(fieldNames(created)).containsExactly("id", "createdDateTime", "eventType", "user");
    JsonNode original = http.get(events).json().path("instanceEvents").get(0);
    assertThat(created.path("id").asString()).isEqualTo(original.path("id").asString());
    assertThat(created.path("createdDateTime").asString()).isEqualTo(original.path("created").asString());
    List<String> times = StreamSupport.stream(list.spliterator(), false)
        .map(e -> e.path("createdDateTime").asString()).toList();
    assertThat(times).isSorted();
  }

  @Test
  void theEventsAreReadByWhoeverMayReadTheInstance() {
    String id = create("multi", PARTY);
    String hard = create("multi", PARTY);
    http.delete(INSTANCES + "/" + hard + "?hard=true");

    assertThat(as("user:1337:1").get(SBL + "/" + id + "/events").status()).isEqualTo(200);
    assertThat(http.get(SBL + "/" + id + "/events").status()).isEqualTo(200);
    assertProblem(as("user:12345:2").get(SBL + "/" + id + "/events"), 404, "was not found");
    assertProblem(as("org:test").get(SBL + "/" + id + "/events"), 404, "was not found");
    assertProblem(user.get(SBL + "/" + hard + "/events"), 404, "was not found");
  }

  // ---- helpers ----

  /** One instance of each kind for party 501337, changed in this order, plus some that no list shows. */
  private record Boxes(String active1, String archived, String deleted, String archivedDeleted, String active2) {}

  private Boxes everyKindOfInstance() {
    String active1 = create("multi", PARTY);
    pause();
    String archived = create("multi", PARTY);
    archive(archived, "2020-01-01T00:00:00Z");
    pause();
    String deleted = create("multi", PARTY);
    http.delete(INSTANCES + "/" + deleted);
    pause();
    String archivedDeleted = create("multi", PARTY);
    archive(archivedDeleted, "2020-01-01T00:00:00Z");
    http.delete(INSTANCES + "/" + archivedDeleted);
    pause();
    String hard = create("multi", PARTY);
    http.delete(INSTANCES + "/" + hard + "?hard=true");
    String hardArchived = create("multi", PARTY);
    archive(hardArchived, "2020-01-01T00:00:00Z");
    http.delete(INSTANCES + "/" + hardArchived + "?hard=true");
    create("multi", PARTY, Map.of("visibleAfter", "2099-01-01T00:00:00Z"));
    create("multi", "512345");
    pause();
    String active2 = create("multi", PARTY);
    return new Boxes(active1, archived, deleted, archivedDeleted, active2);
  }

  private void app(String app, String title, String more) {
    String json = "{\"id\": \"ttd/" + app + "\", \"org\": \"ttd\", \"title\": " + title
        + ", \"dataTypes\": []" + more + "}";
    applications.upsert(StorageHttp.JSON.readValue(json, Application.class));
  }

  private String create(String app, String party) {
    return create(app, party, Map.of());
  }

  /** An instance made by the app owner; answers {party}/{guid}. */
  private String create(String app, String party, Map<String, Object> fields) {
    Map<String, Object> template = new HashMap<>(fields);
    template.put("instanceOwner", Map.of("partyId", party));
    StorageHttp.Response created = http.post(INSTANCES + "?appId=ttd/" + app, template);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Ends the process at {@code ended}, which archives the instance at that time. */
  private void archive(String id, String ended) {
    StorageHttp.Response response = http.put(INSTANCES + "/" + id + "/process",
        Map.of("started", "2019-01-01T00:00:00Z", "ended", ended, "endEvent", "EndEvent_1"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private String title(String id, String language) {
    StorageHttp.Response response = user.get(SBL + "/" + id + (language == null ? "" : "?language=" + language));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("title").asString();
  }

  private List<String> search(Map<String, Object> filters) {
    return ids(user.post(SBL + "/search", with(filters, "instanceOwnerPartyIdList", List.of(501337))));
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static List<String> ids(StorageHttp.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode list = response.json();
    assertThat(list.isArray()).as(response.toString()).isTrue();
    return StreamSupport.stream(list.spliterator(), false).map(i -> i.path("id").asString()).toList();
  }

  /** The guids of the newest instances, in the message box's order: lastChanged, then guid, descending. */
  private static List<String> newest(List<Instance> instances, int most) {
    return instances.stream()
        .sorted(Comparator.comparing(Instance::lastChanged).thenComparing(Instance::instanceGuid).reversed())
        .limit(most).map(Instance::instanceGuid).toList();
  }

  private static List<String> eventTypes(JsonNode events) {
    JsonNode list = events.isArray() ? events : events.path("instanceEvents");
    return StreamSupport.stream(list.spliterator(), false).map(e -> e.path("eventType").asString()).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }

  private static String guid(String id) {
    return id.substring(id.indexOf('/') + 1);
  }

  /** Lets the millisecond clock move on, so that changes made one after another are ordered. */
  private static void pause() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
