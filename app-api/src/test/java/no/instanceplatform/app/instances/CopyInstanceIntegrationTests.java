package no.instanceplatform.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The simplified instantiation's copy of an archived instance (the test app ttd/orgform enables it), with 1 MB of
 * form memory, which holds the tree of a form of 32 KiB.
 */
@TestPropertySource(properties = {"app.form-data-memory=1MB", "app.form-data-memory-wait=500ms"})
class CopyInstanceIntegrationTests extends AppApiIntegrationTest {

  private static final String ORGFORM = "/ttd/orgform/instances";
  private static final String DDG_FITNESS = "897069650";

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void copiesTheFormDataOfAnArchivedInstanceWithoutTheExcludedFields() {
    String source = archivedReport(DDG_FITNESS);

    Response copy = sophie().post(ORGFORM + "/create", Map.of(
        "instanceOwner", Map.of("organisationNumber", DDG_FITNESS), "sourceInstanceId", source));

    assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
    JsonNode instance = copy.json();
    assertThat(instance.get("id").asString()).isNotEqualTo(source);
    assertThat(instance.get("data")).hasSize(1);
    String xml = sophie().get(elementPath(instance, "report")).text();
    assertThat(xml).contains("<name>Kopi AS</name>", "<email>post@kopi.no</email>").doesNotContain("phone", "12345678");
    assertThat(instance.at("/presentationTexts/company").asString()).isEqualTo("Kopi AS");
    assertThat(instance.at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
  }

  @Test
  void refusesToCopyFormDataLargerThanTheFormMemoryHoldsTheTreeOf() {
    String source = archivedReport(DDG_FITNESS, "K".repeat(40 * 1024));

    assertProblem(sophie().post(ORGFORM + "/create", Map.of(
        "instanceOwner", Map.of("organisationNumber", DDG_FITNESS), "sourceInstanceId", source)), 413,
        "of the source instance is larger than 32768 bytes, the most the App API copies");
  }

  @Test
  void refusesToCopyAnInstanceThatIsNotArchived() {
    String active = createReport(DDG_FITNESS);

    assertProblem(sophie().post(ORGFORM + "/create", Map.of(
        "instanceOwner", Map.of("organisationNumber", DDG_FITNESS), "sourceInstanceId", active)), 400,
        "It is not possible to copy an instance that isn't archived.");
  }

  @Test
  void refusesToCopyBetweenInstanceOwners() {
    String otherOwners = archivedReport("950474084");

    assertProblem(sophie().post(ORGFORM + "/create", Map.of(
        "instanceOwner", Map.of("organisationNumber", DDG_FITNESS), "sourceInstanceId", otherOwners)), 400,
        "It is not possible to copy instances between instance owners.");
  }

  @Test
  void refusesToCopyWhenTheAppDoesNotEnableIt() {
    assertProblem(sophie().post(SAILOR + "/instances/create", Map.of(
        "instanceOwner", Map.of("partyId", "501337"),
        "sourceInstanceId", "501337/7a3f4c9e-0d4b-4c1e-9f55-2f0d5d3b2c11")), 400,
        "Creating instance based on a copy from an archived instance is not enabled for this app.");
    assertProblem(sophie().post(ORGFORM + "/create", Map.of(
        "instanceOwner", Map.of("organisationNumber", DDG_FITNESS), "sourceInstanceId", "not-an-instance")), 400,
        "'sourceInstanceId' must be '{partyId}/{instanceGuid}'");
  }

  private String createReport(String organisationNumber) {
    Response created = sophie().post(ORGFORM, Map.of("instanceOwner", Map.of("organisationNumber",
        organisationNumber)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String archivedReport(String organisationNumber) {
    return archivedReport(organisationNumber, "Kopi AS");
  }

  /** An instance whose report is filled in, archived by storing an ended process in Storage (as the app owner). */
  private String archivedReport(String organisationNumber, String company) {
    String id = createReport(organisationNumber);
    JsonNode instance = sophie().get(ORGFORM + "/" + id).json();
    String report = elementPath(instance, "report");
    Response saved = sophie().upload("PUT", report, "application/xml", null, """
        <OrgReport><company><name>%s</name></company>
          <contact><phone>12345678</phone><email>post@kopi.no</email></contact></OrgReport>"""
        .formatted(company).getBytes(StandardCharsets.UTF_8));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    Response ended = storageAsAppOwner("ttd").put("/storage/api/v1/instances/" + id + "/process", Map.of(
        "started", instance.at("/process/started").asString(), "startEvent", "StartEvent_1",
        "ended", "2026-01-01T00:00:00Z", "endEvent", "EndEvent_1"));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().at("/status/isArchived").asBoolean()).isTrue();
    return id;
  }
}
