package no.instanceplatform.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An instance's data through the App API: the app's rules, then Storage's. */
class DataEndpointsIntegrationTests extends AppApiIntegrationTest {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

  private String sailorData;

  @BeforeEach
  void aSailorInstanceAtTheFirstTask() {
    awaitAppsRegistered();
    Response created = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=" + SOPHIE_PARTY, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    sailorData = SAILOR + "/instances/" + created.json().get("id").asString() + "/data";
  }

  @Test
  void uploadsAFileOfADataTypeWithoutATaskAndDownloadsItAgain() {
    Response uploaded = sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf",
        "sertifikat.pdf", PDF);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    JsonNode element = uploaded.json();
    assertThat(uploaded.header("Location")).hasValue(element.at("/selfLinks/apps").asString());
    assertThat(element.get("filename").asString()).isEqualTo("sertifikat.pdf");
    assertThat(element.get("size").asLong()).isEqualTo(PDF.length);
    Response download = sophie().get(AppHttp.pathOf(element.at("/selfLinks/apps").asString()));
    assertThat(download.bytes()).isEqualTo(PDF);
    assertThat(download.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("sertifikat.pdf"));
  }

  @Test
  void refusesDataOfAnotherTaskThanTheCurrent() {
    assertProblem(sophie().upload("POST", sailorData + "?dataType=crewlist", "application/xml", null,
        "<CrewList/>".getBytes(StandardCharsets.UTF_8)), 409, "belongs to task Task_2, and the process is at task Task_1");
  }

  @Test
  void refusesAFileWithoutAFilenameAndAnUnknownOrMissingDataType() {
    assertProblem(sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf", null, PDF), 400,
        "needs a filename with an extension");
    assertProblem(sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf", "noextension",
        PDF), 400, "needs a filename with an extension");
    assertProblem(sophie().upload("POST", sailorData + "?dataType=logbook", "application/pdf", "a.pdf", PDF), 400,
        "has no data type 'logbook'");
    assertProblem(sophie().upload("POST", sailorData, "application/pdf", "a.pdf", PDF), 400,
        "'dataType' is required");
    assertProblem(sophie().upload("POST", sailorData + "?dataType=certificate", "not a media type", "a.pdf", PDF),
        400, "is not a media type");
  }

  @Test
  void passesStoragesLimitsOn() {
    Response wrongType = sophie().upload("POST", sailorData + "?dataType=certificate", "text/plain", "a.txt", PDF);

    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(415);
  }

  @Test
  void refusesFormDataThatIsNotWellFormed() {
    String boatdata = elementPath(sophie().get(sailorData.replace("/data", "")).json(), "boatdata");

    assertProblem(sophie().upload("PUT", boatdata, "application/json", null,
        "{\"boatName\": ".getBytes(StandardCharsets.UTF_8)), 400, "The form data is not valid JSON");
  }

  @Test
  void savingFormDataUpdatesThePresentationTextsAndDataValues() {
    Response created = sophie().post("/ttd/orgform/instances/create", """
        {"instanceOwner": {"partyId": "500000"}, "prefill": {"company.name": "Før AS", "company.employees": "3"}}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String report = elementPath(created.json(), "report");

    Response saved = sophie().upload("PUT", report, "application/xml", null,
        "<OrgReport><company><name>Etter AS</name></company></OrgReport>".getBytes(StandardCharsets.UTF_8));

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonNode instance = sophie().get("/ttd/orgform/instances/" + created.json().get("id").asString()).json();
    assertThat(instance.at("/presentationTexts/company").asString()).isEqualTo("Etter AS");
    // The form no longer has the number of employees, so the instance no longer shows it.
    assertThat(instance.at("/dataValues/employees").isMissingNode()).isTrue();
  }

  /** The file is opened while the instance is checked, but none of it is sent when a check fails. */
  @Test
  void aFileIsNotSentUnderAnotherAppOrToACallerWhoMayNotSeeIt() {
    Response uploaded = sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf", "a.pdf", PDF);
    String link = AppHttp.pathOf(uploaded.json().at("/selfLinks/apps").asString());

    for (int i = 0; i < 3; i++) {
      assertProblem(sophie().get(link.replace(SAILOR, "/ttd/orgform")), 404, "is not an instance of ttd/orgform");
      assertThat(user(12345, 2).get(link).status()).isEqualTo(404);
      assertThat(appOwner("ttd").get(link).status()).isEqualTo(404);
    }
    Response download = sophie().get(link);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(PDF);
    assertThat(download.header("Content-Type")).hasValue("application/pdf");
  }

  @Test
  void deletesAFileAndAnswersNotFoundForOneThatIsNotThere() {
    Response uploaded = sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf", "a.pdf", PDF);
    String link = AppHttp.pathOf(uploaded.json().at("/selfLinks/apps").asString());

    assertThat(sophie().delete(link).status()).isEqualTo(200);
    assertProblem(sophie().get(link), 404, "has no data element");
    assertProblem(sophie().delete(sailorData + "/" + UUID.randomUUID()), 404, "has no data element");
  }

  @Test
  void refusesChangesToTheDataOfAnArchivedInstance() {
    String instanceUrl = sailorData.replace("/data", "");
    JsonNode instance = sophie().get(instanceUrl).json();
    Response ended = storageAsAppOwner("test").put("/storage/api/v1/instances/" + instance.get("id").asString()
        + "/process", Map.of("started", instance.at("/process/started").asString(), "startEvent", "StartEvent_1",
        "ended", "2026-01-01T00:00:00Z", "endEvent", "EndEvent_1"));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);

    assertProblem(sophie().upload("POST", sailorData + "?dataType=certificate", "application/pdf", "a.pdf", PDF), 409,
        "is archived");
    assertProblem(sophie().upload("PUT", elementPath(instance, "boatdata"), "application/json", null,
        "{}".getBytes(StandardCharsets.UTF_8)), 409, "is archived");
  }
}
