package no.instanceplatform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sample app walked end to end as its users would, over real HTTP between the App API and Storage: Sophie
 * creates an instance with her boat data, moves on, is stopped for a missing crew list, uploads two, confirms and
 * submits; the app owner finds the archived instance, confirms it complete; Sophie deletes it and restores it from
 * the message box.
 */
class SailorWalkIntegrationTests extends AppApiIntegrationTest {

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void aSailorInstanceGoesFromCreationToArchiveAndBackFromTheRecycleBin() {
    AppHttp sophie = sophie();
    Response created = sophie.multipart(SAILOR + "/instances", new Multipart()
        .part("instance", "application/json", "{\"instanceOwner\":{\"personNumber\":\"01039012345\"}}")
        .part("boatdata", "application/json", "{\"boatName\":\"Titanic\",\"boatLength\":269}")
        .part("certificate", "application/pdf", "certificate.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    String instance = SAILOR + "/instances/" + id;

    Response toCrew = sophie.put(instance + "/process/next", null);
    assertThat(toCrew.status()).as(toCrew.toString()).isEqualTo(200);
    assertThat(toCrew.json().at("/currentTask/elementId").asString()).isEqualTo("Task_2");
    assertThat(element(sophie.get(instance).json(), "boatdata").get("locked").asBoolean()).isTrue();

    Response noCrew = sophie.put(instance + "/process/next", null);
    assertThat(noCrew.status()).as(noCrew.toString()).isEqualTo(409);
    assertThat(noCrew.json().get("validationIssues").toString()).contains("crewlist");

    for (String sailor : List.of("Ola", "Kari")) {
      Response crew = sophie.upload("POST", instance + "/data?dataType=crewlist", "application/xml", null,
          ("<CrewList><member>" + sailor + "</member></CrewList>").getBytes(StandardCharsets.UTF_8));
      assertThat(crew.status()).as(crew.toString()).isEqualTo(201);
    }
    Response toConfirm = sophie.put(instance + "/process/next", null);
    assertThat(toConfirm.json().at("/currentTask/elementId").asString()).isEqualTo("Task_3");
    assertThat(toConfirm.json().at("/currentTask/altinnTaskType").asString()).isEqualTo("confirmation");

    assertThat(sophie.put(instance + "/process/next", "{\"action\":\"write\"}").status()).isEqualTo(403);
    Response submitted = sophie.put(instance + "/process/next", "{\"action\":\"confirm\"}");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    assertThat(submitted.json().get("endEvent").asString()).isEqualTo("EndEvent_1");

    JsonNode archived = sophie.get(instance).json();
    assertThat(archived.at("/status/isArchived").asBoolean()).isTrue();
    assertThat(archived.at("/process/ended").isMissingNode()).isFalse();
    archived.get("data").forEach(element -> assertThat(element.get("locked").asBoolean()).as(element.toString()).isTrue());
    assertThat(eventTypes(sophie.get(instance + "/process/history").json(), "processHistory"))
        .containsExactly("process_StartEvent", "process_StartTask", "process_StartTask", "process_StartTask",
            "process_EndEvent");
    assertThat(sophie.upload("POST", instance + "/data?dataType=crewlist", "application/xml", null,
        "<CrewList/>".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(409);

    Response polled = storageAsAppOwner("test").get("/storage/api/v1/instances?appId=test/sailor"
        + "&process.isComplete=true&instanceOwner.partyId=501337&size=1000");
    assertThat(polled.status()).isEqualTo(200);
    assertThat(polled.json().get("instances").findValuesAsString("id")).contains(id);
    Response completed = appOwner("test").post(instance + "/complete", null);
    assertThat(completed.json().at("/completeConfirmations/0/stakeholderId").asString()).isEqualTo("test");
    assertThat(eventTypes(storageAsAppOwner("test").get("/storage/api/v1/instances/" + id + "/events").json(),
        "instanceEvents")).contains("process_EndTask", "Submited", "ConfirmedComplete");

    Response deleted = sophie.delete(instance);
    assertThat(deleted.json().at("/status/isSoftDeleted").asBoolean()).isTrue();
    Response restored = storageAsUser(SOPHIE, 2).put("/storage/api/v1/sbl/instances/" + id + "/undelete", null);
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(sophie.get(instance).json().at("/status/isSoftDeleted").asBoolean()).isFalse();
  }

  private static List<String> eventTypes(JsonNode list, String field) {
    List<String> types = new ArrayList<>();
    list.get(field).forEach(event -> types.add(event.get("eventType").asString()));
    return types;
  }
}
