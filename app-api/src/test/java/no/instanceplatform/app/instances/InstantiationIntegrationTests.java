package no.instanceplatform.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating instances through the App API in seed 001's three forms, against a real Storage. */
class InstantiationIntegrationTests extends AppApiIntegrationTest {

  private static final String INSTANCES = SAILOR + "/instances";
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void createsFromATemplateWithTheOwnerLookedUpAndTheProcessAtTheFirstTask() {
    Response response = sophie().post(INSTANCES, Map.of(
        "instanceOwner", Map.of("personNumber", "01039012345"), "dueBefore", "2030-06-01T12:00:00Z"));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode instance = response.json();
    assertThat(response.header("Location")).hasValue(instance.at("/selfLinks/apps").asString());
    assertThat(instance.at("/selfLinks/apps").asString()).endsWith("/test/sailor/instances/" + instance.get("id").asString());
    assertThat(instance.at("/instanceOwner/partyId").asString()).isEqualTo("501337");
    assertThat(instance.at("/instanceOwner/personNumber").asString()).isEqualTo("01039012345");
    assertThat(instance.get("dueBefore").asString()).isEqualTo("2030-06-01T12:00:00Z");
    JsonNode task = instance.at("/process/currentTask");
    assertThat(task.get("elementId").asString()).isEqualTo("Task_1");
    assertThat(task.get("flow").asInt()).isEqualTo(2);
    assertThat(task.get("name").asString()).isEqualTo("Utfylling");
    assertThat(task.get("altinnTaskType").asString()).isEqualTo("data");
    assertThat(instance.at("/process/startEvent").asString()).isEqualTo("StartEvent_1");
    assertThat(dataTypes(instance)).containsExactly("boatdata");
    assertThat(eventTypes(instance)).contains("Created", "process_StartEvent", "process_StartTask");
  }

  @Test
  void createsWithoutABodyForTheOwnerInTheQuery() {
    Response response = sophie().post(INSTANCES + "?instanceOwnerPartyId=501337", null);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().at("/instanceOwner/partyId").asString()).isEqualTo("501337");
    assertThat(response.json().at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
  }

  @Test
  void createsForAnOrganisationTheUserRepresentsByItsNumber() {
    Response response = sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("organisationNumber", "897069650")));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().at("/instanceOwner/partyId").asString()).isEqualTo("500000");
    assertThat(response.json().at("/instanceOwner/organisationNumber").asString()).isEqualTo("897069650");
  }

  @Test
  void createsFromMultipartWithThePartsStoredAsData() {
    Multipart body = new Multipart()
        .part("instance", "application/json", "{\"instanceOwner\":{\"partyId\":\"501337\"}}")
        .part("boatdata", "application/json", "{\"boatName\":\"Titanic\"}")
        .part("certificate", "application/pdf", "certificate.pdf", PDF);

    Response response = sophie().multipart(INSTANCES, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode instance = response.json();
    // The posted boatdata is the form: it is not auto-created a second time.
    assertThat(dataTypes(instance)).containsExactlyInAnyOrder("boatdata", "certificate");
    JsonNode certificate = element(instance, "certificate");
    assertThat(certificate.get("filename").asString()).isEqualTo("certificate.pdf");
    Response download = sophie().get(AppHttp.pathOf(certificate.at("/selfLinks/apps").asString()));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(PDF);
    assertThat(download.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    Response form = sophie().get(elementPath(instance, "boatdata"));
    assertThat(form.json().get("boatName").asString()).isEqualTo("Titanic");
  }

  @Test
  void refusesEveryBadPartBeforeAnythingIsCreated() {
    String template = "{\"instanceOwner\":{\"partyId\":\"501337\"}}";
    long before = storedInstances();

    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("logbook", "application/pdf", "log.pdf", PDF), 400, "The part 'logbook' is not a data type");
    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("certificate", "text/plain", "certificate.txt", PDF), 400, "content type 'text/plain'");
    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("certificate", "application/pdf", "certificate.pdf", new byte[0]), 400, "The part 'certificate' is empty");
    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("certificate", "application/pdf", "a.pdf", PDF).part("certificate", "application/pdf", "b.pdf", PDF),
        400, "more parts of data type 'certificate' than its maxCount, 1");
    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("certificate", "application/pdf", "certificate", PDF), 400, "needs a filename with an extension");
    assertRefused(new Multipart().part("instance", "application/json", template)
        .part("boatdata", "application/json", "{not json"), 400, "The part 'boatdata' is not valid JSON");
    assertRefused(new Multipart().part("certificate", "application/pdf", "c.pdf", PDF), 400,
        "The first part must be named 'instance'");

    assertThat(storedInstances()).isEqualTo(before);
  }

  @Test
  void refusesAnOwnerThatIsMissingGivenTwiceOrUnknown() {
    assertProblem(sophie().post(INSTANCES, Map.of()), 400, "The instance owner is missing");
    assertProblem(sophie().post(INSTANCES + "?instanceOwnerPartyId=501337",
        Map.of("instanceOwner", Map.of("partyId", "501337"))), 400, "given both");
    assertProblem(sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("personNumber", "01010199999"))), 404,
        "The register has no person");
    assertProblem(sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("partyId", "not-a-party"))), 400,
        "'instanceOwner.partyId' must be a number");
  }

  @Test
  void refusesDatesThatAreNotIso8601InUtc() {
    assertProblem(sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("partyId", "501337"),
        "dueBefore", "2030-06-01T12:00:00+02:00")), 400, "'dueBefore' must be an ISO 8601 date and time in UTC");
    assertProblem(sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("partyId", "501337"),
        "visibleAfter", "tomorrow")), 400, "'visibleAfter' must be an ISO 8601 date and time in UTC");
    assertProblem(sophie().post(INSTANCES, "{\"instanceOwner\": {\"partyId\": "), 400, "not valid JSON");
  }

  @Test
  void refusesAPartyTypeTheAppDoesNotAllow() {
    assertProblem(sophie().post("/ttd/orgform/instances", Map.of("instanceOwner", Map.of("partyId", "501337"))),
        403, "does not allow a party of type person");
  }

  @Test
  void refusesAPartyTheUserMayNotRepresentAsStorageDecides() {
    assertProblem(sophie().post(INSTANCES, Map.of("instanceOwner", Map.of("partyId", "512345"))), 403,
        "may not act for party 512345");
  }

  @Test
  void answersNotFoundForAnAppNotHostedHere() {
    assertProblem(sophie().post("/ttd/nowhere/instances?instanceOwnerPartyId=501337", null), 404,
        "app ttd/nowhere is not hosted here");
  }

  @Test
  void prefillsTheAutoCreatedXmlFormAndFillsThePresentationAndDataFields() {
    Response response = sophie().post("/ttd/orgform/instances/create", """
        {"instanceOwner": {"organisationNumber": "897069650"},
         "prefill": {"company.name": "DDG Fitness AS", "company.employees": 12}}""");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode instance = response.json();
    assertThat(instance.at("/presentationTexts/company").asString()).isEqualTo("DDG Fitness AS");
    assertThat(instance.at("/dataValues/employees").asString()).isEqualTo("12");
    JsonNode report = element(instance, "report");
    assertThat(report.get("contentType").asString()).isEqualTo("application/xml");
    String xml = sophie().get(elementPath(instance, "report")).text();
    assertThat(xml).contains("<OrgReport>", "<company><name>DDG Fitness AS</name><employees>12</employees></company>");
  }

  @Test
  void prefillsTheAutoCreatedJsonFormAtItsDottedPaths() {
    Response response = sophie().post(INSTANCES + "/create", """
        {"instanceOwner": {"partyId": "501337"}, "prefill": {"boatName": "Prefilt", "harbour.name": "Bergen"}}""");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode boat = sophie().get(elementPath(response.json(), "boatdata")).json();
    assertThat(boat.get("boatName").asString()).isEqualTo("Prefilt");
    assertThat(boat.at("/harbour/name").asString()).isEqualTo("Bergen");
    assertProblem(sophie().post(INSTANCES + "/create", """
        {"instanceOwner": {"partyId": "501337"}, "prefill": {"boat..name": "x"}}"""), 400,
        "'boat..name' is not a dotted path");
  }

  private void assertRefused(Multipart body, int status, String detail) {
    assertProblem(sophie().multipart(INSTANCES, body), status, detail);
  }

  /** How many instances of the sample app Sophie's party has in Storage that are not hard-deleted. */
  private long storedInstances() {
    Response page = storageAsAppOwner("test").get("/storage/api/v1/instances?appId=test/sailor"
        + "&instanceOwner.partyId=501337&status.isHardDeleted=false&size=1");
    return page.json().get("totalHits").asLong();
  }

  private List<String> eventTypes(JsonNode instance) {
    Response events = storageAsAppOwner("test").get("/storage/api/v1/instances/" + instance.get("id").asString()
        + "/events");
    List<String> types = new ArrayList<>();
    events.json().get("instanceEvents").forEach(event -> types.add(event.get("eventType").asString()));
    return types;
  }

  private static List<String> dataTypes(JsonNode instance) {
    List<String> types = new ArrayList<>();
    instance.get("data").forEach(element -> types.add(element.get("dataType").asString()));
    return types;
  }

}
