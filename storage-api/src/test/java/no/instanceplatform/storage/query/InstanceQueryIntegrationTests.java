package no.instanceplatform.storage.query;

import static no.instanceplatform.storage.query.QueryFixture.T0;
import static no.instanceplatform.storage.query.QueryFixture.instance;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InstanceQueryIntegrationTests extends IntegrationTest {

  private static final String QUERY = "/storage/api/v1/instances";

  @Autowired
  InstanceStore store;

  @Test
  void anAppOwnerQueriesItsAppAndGetsAFullPageWithLinks() {
    Instance one = save(instance().lastChanged(T0));
    Instance two = save(instance().lastChanged(T0.plusSeconds(1)));
    save(instance().app("ttd/other-app"));
    save(instance().app("test/sailor"));

    JsonNode page = http.get(QUERY + "?appId=ttd/test-app").json();

    assertThat(page.path("totalHits").asLong()).isEqualTo(2);
    assertThat(page.path("count").asInt()).isEqualTo(2);
    assertThat(page.path("self").asString())
        .isEqualTo("http://localhost:5101/storage/api/v1/instances?appId=ttd/test-app");
    assertThat(page.path("next").isNull()).isTrue();
    assertThat(ids(page)).containsExactly(two.id(), one.id());
    assertThat(page.path("instances").get(0).path("selfLinks").path("platform").asString())
        .isEqualTo("http://localhost:5101/storage/api/v1/instances/" + two.id());
    assertThat(page.path("instances").get(0).path("selfLinks").path("apps").asString())
        .isEqualTo("http://localhost:5005/ttd/test-app/instances/" + two.id());
    assertThat(ids(http.get(QUERY + "?org=ttd").json())).hasSize(3);
  }

  @Test
  void theOrderCanBeAscending() {
    Instance older = save(instance().lastChanged(T0));
    Instance newer = save(instance().lastChanged(T0.plusSeconds(5)));

    assertThat(ids(http.get(QUERY + "?org=ttd&order=asc:lastChanged").json())).containsExactly(older.id(), newer.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&order=desc:lastChanged").json())).containsExactly(newer.id(), older.id());
  }

  @Test
  void currentTaskTakesOneOrSeveralTasks() {
    Instance first = save(instance().task("Task_1"));
    Instance second = save(instance().task("Task_2").lastChanged(T0.plusSeconds(1)));
    save(instance().task("Task_3"));

    assertThat(ids(http.get(QUERY + "?org=ttd&process.currentTask=Task_1").json())).containsExactly(first.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&process.currentTask=Task_1,Task_2").json()))
        .containsExactly(second.id(), first.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&process.currentTask=Task_2&process.currentTask=Task_1").json()))
        .containsExactly(second.id(), first.id());
  }

  @Test
  void isCompleteAndEndedFilterOnTheProcess() {
    Instance active = save(instance().task("Task_1"));
    Instance ended = save(instance().ended(T0.plus(Duration.ofDays(2))));

    assertThat(ids(http.get(QUERY + "?org=ttd&process.isComplete=true").json())).containsExactly(ended.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&process.isComplete=false").json())).containsExactly(active.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&process.ended=gt:2024-03-02").json())).containsExactly(ended.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&process.ended=lt:2024-03-02").json())).isEmpty();
  }

  @Test
  void dateFiltersTakeEveryOperatorAndFormARange() {
    Instance early = save(instance().lastChanged(T0).created(T0));
    Instance middle = save(instance().lastChanged(T0.plusSeconds(60)).created(T0.plusSeconds(60)));
    Instance late = save(instance().lastChanged(T0.plusSeconds(120)).created(T0.plusSeconds(120)));

    assertThat(ids(query("lastChanged", "gt:2024-03-01T12:00:00Z").json())).containsExactly(late.id(), middle.id());
    assertThat(ids(query("lastChanged", "gte:2024-03-01T12:01:00Z").json())).containsExactly(late.id(), middle.id());
    assertThat(ids(query("lastChanged", "lt:2024-03-01T12:01:00Z").json())).containsExactly(early.id());
    assertThat(ids(query("lastChanged", "lte:2024-03-01T12:01:00Z").json())).containsExactly(middle.id(), early.id());
    assertThat(ids(query("created", "eq:2024-03-01T12:01:00Z").json())).containsExactly(middle.id());
    assertThat(ids(query("created", "2024-03-01T12:01:00Z").json())).containsExactly(middle.id());
    assertThat(ids(query("created", "2024-03-01T13:01:00+01:00").json())).containsExactly(middle.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&lastChanged=gt:2024-03-01T12:00:00Z&lastChanged=lt:2024-03-01T12:02:00Z")
        .json())).containsExactly(middle.id());
  }

  @Test
  void visibleAfterAndDueBeforeAreFilters() {
    Instance due = save(instance().dueBefore(T0.plus(Duration.ofDays(10))).visibleAfter(T0));
    Instance later = save(instance().visibleAfter(T0.plus(Duration.ofDays(5))));

    assertThat(ids(query("dueBefore", "lt:2024-03-20").json())).containsExactly(due.id());
    assertThat(ids(query("visibleAfter", "gt:2024-03-02").json())).containsExactly(later.id());
  }

  @Test
  void excludeConfirmedByLeavesOutWhatTheStakeholderConfirmed() {
    Instance confirmed = save(instance().confirmedBy("ttd"));
    Instance open = save(instance().lastChanged(T0.plusSeconds(1)));

    assertThat(ids(http.get(QUERY + "?org=ttd&excludeConfirmedBy=ttd").json())).containsExactly(open.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&excludeConfirmedBy=other").json()))
        .containsExactly(open.id(), confirmed.id());
  }

  @Test
  void statusFlagsFilterAndTheAppOwnerSeesHardDeletedInstances() {
    Instance active = save(instance().lastChanged(T0.plusSeconds(3)));
    Instance archived = save(instance().ended(T0).lastChanged(T0.plusSeconds(2)));
    Instance soft = save(instance().softDeleted().lastChanged(T0.plusSeconds(1)));
    Instance hard = save(instance().hardDeleted());

    assertThat(ids(http.get(QUERY + "?org=ttd").json())).containsExactly(active.id(), archived.id(), soft.id(),
        hard.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&status.isArchived=true").json())).containsExactly(archived.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&status.isSoftDeleted=true").json())).containsExactly(soft.id(), hard.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&status.isHardDeleted=true").json())).containsExactly(hard.id());
    assertThat(ids(http.get(QUERY + "?org=ttd&status.isHardDeleted=false&status.isSoftDeleted=false").json()))
        .containsExactly(active.id(), archived.id());
  }

  @Test
  void anEndUserSeesOnlyVisibleInstancesThatAreNotHardDeleted() {
    Instance visible = save(instance().lastChanged(T0.plusSeconds(1)));
    Instance soft = save(instance().softDeleted());
    save(instance().hardDeleted());
    save(instance().visibleAfter(T0.plus(Duration.ofDays(365 * 80))));
    save(instance().party("512345"));

    JsonNode page = as(USER_1337).get(QUERY + "?instanceOwner.partyId=501337").json();

    assertThat(ids(page)).containsExactly(visible.id(), soft.id());
    assertThat(page.path("totalHits").asLong()).isEqualTo(2);
    assertThat(ids(as(USER_1337).get(QUERY + "?instanceOwner.partyId=501337&status.isHardDeleted=true").json()))
        .isEmpty();
  }

  @Test
  void anEndUserMayQueryPartiesTheyRepresentAndNoOthers() {
    Instance company = save(instance().party("500000"));

    assertThat(ids(as(USER_1337).get(QUERY + "?instanceOwner.partyId=500000").json())).containsExactly(company.id());
    assertProblem(as("user:12345:2").get(QUERY + "?instanceOwner.partyId=500000"), 403, "party 500000");
    assertProblem(as(USER_1337).get(QUERY + "?appId=ttd/test-app"), 400, "must name the owner");
  }

  @Test
  void theOwnerCanBeGivenByNationalIdentityInAHeader() {
    Instance sophie = save(instance().party("501337"));
    Instance company = save(instance().party("500000"));
    StorageHttp user = as(USER_1337);

    assertThat(ids(user.with(InstanceQueryController.OWNER_IDENTIFIER, "Person:01039012345").get(QUERY).json()))
        .containsExactly(sophie.id());
    assertThat(ids(user.with(InstanceQueryController.OWNER_IDENTIFIER, "Organisation:897069650").get(QUERY).json()))
        .containsExactly(company.id());
    assertThat(ids(http.with(InstanceQueryController.OWNER_IDENTIFIER, "Person:01039012345")
        .get(QUERY + "?org=ttd").json())).containsExactly(sophie.id());
    assertProblem(user.with(InstanceQueryController.OWNER_IDENTIFIER, "Person:01039012345")
        .get(QUERY + "?instanceOwner.partyId=501337"), 400, "not both");
    assertProblem(user.with(InstanceQueryController.OWNER_IDENTIFIER, "Person:123").get(QUERY), 400,
        "Person:{11 digits}");
    assertProblem(user.with(InstanceQueryController.OWNER_IDENTIFIER, "Person:99999999999").get(QUERY), 404,
        "No party has the identifier");
    assertProblem(as("user:12345:2").with(InstanceQueryController.OWNER_IDENTIFIER, "Person:01039012345")
        .get(QUERY), 403, "party 501337");
  }

  @Test
  void anAppOwnerQueriesOnlyItsOwnOrgWithTheReadScope() {
    assertProblem(http.get(QUERY + "?instanceOwner.partyId=501337"), 400, "must name org or appId");
    assertProblem(http.get(QUERY + "?org=test"), 403, "Only the app owner test");
    assertProblem(http.get(QUERY + "?appId=test/sailor"), 403, "Only the app owner test");
    assertProblem(http.get(QUERY + "?org=ttd&appId=test/sailor"), 400, "is not the org of the appId");
    assertProblem(as("org:ttd:" + AccessPolicy.WRITE_SCOPE).get(QUERY + "?org=ttd"), 403, AccessPolicy.READ_SCOPE);
    assertProblem(anonymous.get(QUERY + "?org=ttd"), 401, "bearer token is required");
  }

  @Test
  void malformedParametersAreRefusedNamingTheParameter() {
    assertProblem(query("lastChanged", "gt:yesterday"), 400, "lastChanged value 'yesterday'");
    assertProblem(query("created", "after:2024-01-01"), 400, "unknown operator 'after:'");
    assertProblem(http.get(QUERY + "?org=ttd&created=gt:2024-01-01&created=gt:2024-02-01"), 400,
        "'gt:' more than once");
    assertProblem(query("status.isArchived", "yes"), 400, "status.isArchived value 'yes' is not true or false");
    assertProblem(query("process.isComplete", "1"), 400, "process.isComplete");
    assertProblem(query("size", "0"), 400, "size '0'");
    assertProblem(query("size", "1001"), 400, "from 1 to 1000");
    assertProblem(query("size", "ten"), 400, "size 'ten'");
    assertProblem(query("order", "lastChanged"), 400, "order 'lastChanged'");
    assertProblem(query("colour", "blue"), 400, "'colour' is not known");
    assertProblem(http.get(QUERY + "?org=ttd&org=ttd"), 400, "'org' is given more than once");
    assertProblem(http.get(QUERY + "?appId=ttd"), 400, "exactly one '/'");
    assertProblem(http.get(QUERY + "?org=TTD"), 400, "org 'TTD'");
    assertProblem(http.get(QUERY + "?org=ttd&instanceOwner.partyId=abc"), 400, "'abc' is not a party id");
    assertProblem(query("continuationToken", "abc"), 400, "continuationToken is not valid");
    assertProblem(query("process.currentTask", ","), 400, "process.currentTask");
  }

  @Test
  void aContinuationTokenCannotBeForgedOrMovedToAnotherQuery() {
    for (int i = 0; i < 3; i++) {
      save(instance().lastChanged(T0.plusSeconds(i)));
    }
    String next = http.get(QUERY + "?org=ttd&size=1").json().path("next").asString();
    String token = next.substring(next.indexOf("continuationToken=") + "continuationToken=".length());
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String otherPayload = payload.substring(0, payload.length() - 2) + (payload.endsWith("A") ? "BB" : "AA");

    assertThat(http.get(QUERY + "?org=ttd&size=1&continuationToken=" + token).status()).isEqualTo(200);
    assertThat(http.get(QUERY + "?org=ttd&size=2&continuationToken=" + token).status()).isEqualTo(200);
    assertProblem(http.get(QUERY + "?org=ttd&size=1&continuationToken=" + otherPayload + "." + signature), 400,
        "continuationToken is not valid");
    assertProblem(http.get(QUERY + "?org=ttd&status.isArchived=false&size=1&continuationToken=" + token), 400,
        "belongs to another query");
  }

  @Test
  void pagingThroughThousandsOfInstancesWhileOthersChangeLosesAndRepeatsNone() throws Exception {
    List<Instance> saved = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      saved.add(save(instance().lastChanged(T0.plusMillis(i / 3))));
    }
    List<Instance> changing = saved.subList(0, 200);

    List<String> seen = new ArrayList<>();
    String url = QUERY + "?org=ttd&size=100";
    int pages = 0;
    while (url != null) {
      JsonNode page = http.get(url).json();
      seen.addAll(ids(page));
      boolean last = page.path("next").isNull();
      assertThat(page.path("totalHits").asLong()).isEqualTo(2500);
      if (!last) {
        assertThat(page.path("count").asInt()).isEqualTo(100);
      }
      url = last ? null : page.path("next").asString().replace("http://localhost:5101", "");
      if (pages < changing.size() / 10) {
        for (Instance changed : changing.subList(pages * 10, pages * 10 + 10)) {
          http.put("/storage/api/v1/instances/" + changed.id() + "/datavalues",
              Map.of("values", Map.of("touched", Integer.toString(pages))));
        }
      }
      pages++;
    }

    List<String> unchanged = saved.subList(200, saved.size()).stream().map(Instance::id).toList();
    assertThat(seen).doesNotHaveDuplicates().containsAll(unchanged);
    assertThat(pages).isGreaterThanOrEqualTo(unchanged.size() / 100);
  }

  private Instance save(QueryFixture fixture) {
    Instance instance = fixture.build();
    store.insert(instance, List.of());
    return instance;
  }

  private StorageHttp.Response query(String parameter, String value) {
    return http.get(QUERY + "?org=ttd&" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static List<String> ids(JsonNode page) {
    return page.path("instances").valueStream().map(i -> i.path("id").asString()).toList();
  }
}
