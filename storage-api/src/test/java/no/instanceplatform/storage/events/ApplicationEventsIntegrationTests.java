package no.instanceplatform.storage.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ApplicationEventsIntegrationTests extends IntegrationTest {

  private static final String EVENTS = "/storage/api/v1/applications/ttd/test-app/events";

  @Autowired
  ApplicationStore applications;

  private final List<String> instances = new ArrayList<>();

  @BeforeEach
  void threeInstancesWithEvents() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    applications.upsert(TestApplications.ttdApp("other-app", null));
    for (int i = 0; i < 3; i++) {
      instances.add(create("ttd/test-app"));
    }
    create("ttd/other-app");
    as(APP_OWNER).put("/storage/api/v1/instances/" + instances.getFirst() + "/substatus", Map.of("label", "x"));
  }

  @Test
  void theAppOwnerListsTheEventsOfEveryInstanceOfTheAppOldestFirst() {
    JsonNode page = http.get(EVENTS).json();

    assertThat(page.path("totalHits").asLong()).isEqualTo(4);
    assertThat(page.path("count").asInt()).isEqualTo(4);
    assertThat(page.path("next").isNull()).isTrue();
    assertThat(page.path("self").asString()).isEqualTo("http://localhost:5101" + EVENTS);
    assertThat(types(page)).containsExactly("Created", "Created", "Created", "SubstatusUpdated");
    assertThat(page.path("instanceEvents").valueStream().map(e -> e.path("instanceId").asString()))
        .containsExactly(instances.get(0), instances.get(1), instances.get(2), instances.get(0));
  }

  @Test
  void eventsArePagedWithAContinuationToken() {
    JsonNode first = http.get(EVENTS + "?size=3").json();
    String next = first.path("next").asString();
    JsonNode second = http.get(next.replace("http://localhost:5101", "")).json();

    assertThat(first.path("count").asInt()).isEqualTo(3);
    assertThat(next).startsWith("http://localhost:5101" + EVENTS + "?size=3&continuationToken=");
    assertThat(types(second)).containsExactly("SubstatusUpdated");
    assertThat(second.path("totalHits").asLong()).isEqualTo(4);
    assertThat(second.path("next").isNull()).isTrue();
    assertProblem(http.get(EVENTS + "?eventTypes=Created&size=3&continuationToken="
        + next.substring(next.indexOf("continuationToken=") + 18)), 400, "belongs to another query");
  }

  @Test
  void eventsAreFilteredByTypeAndTime() {
    assertThat(types(http.get(EVENTS + "?eventTypes=SubstatusUpdated").json())).containsExactly("SubstatusUpdated");
    assertThat(types(http.get(EVENTS + "?eventTypes=Created,SubstatusUpdated").json())).hasSize(4);
    assertThat(types(http.get(EVENTS + "?from=2099-01-01").json())).isEmpty();
    assertThat(types(http.get(EVENTS + "?to=2000-01-01T00:00:00").json())).isEmpty();
  }

  @Test
  void onlyTheAppOwnerWithTheReadScopeListsAnAppsEvents() {
    assertProblem(anonymous.get(EVENTS), 401, "bearer token is required");
    assertProblem(as(USER_1337).get(EVENTS), 403, "Only the app owner ttd");
    assertProblem(as("org:test").get(EVENTS), 403, "Only the app owner ttd");
    assertProblem(as("org:ttd:" + AccessPolicy.WRITE_SCOPE).get(EVENTS), 403, AccessPolicy.READ_SCOPE);
  }

  @Test
  void badRequestsAreRefused() {
    assertProblem(http.get("/storage/api/v1/applications/ttd/no-app/events"), 404, "ttd/no-app was not found");
    assertProblem(http.get(EVENTS + "?size=0"), 400, "size '0'");
    assertProblem(http.get(EVENTS + "?size=many"), 400, "size 'many'");
    assertProblem(http.get(EVENTS + "?from=soon"), 400, "from value 'soon'");
    assertProblem(http.get(EVENTS + "?continuationToken=xyz"), 400, "continuationToken is not valid");
    assertProblem(http.get("/storage/api/v1/applications/TTD/test-app/events"), 400, "org 'TTD'");
  }

  private String create(String appId) {
    StorageHttp.Response created = as(USER_1337).post("/storage/api/v1/instances?appId=" + appId,
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private static List<String> types(JsonNode page) {
    return page.path("instanceEvents").valueStream().map(e -> e.path("eventType").asString()).toList();
  }
}
