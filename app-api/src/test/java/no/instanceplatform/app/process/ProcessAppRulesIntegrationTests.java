package no.instanceplatform.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import no.instanceplatform.app.support.AppHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The process endpoints on the test apps of {@code process-apps/}: {@code ttd/shredder} (one data task) deletes its
 * instances when their process ends, {@code ttd/strict} (one data task) limits the count and content types of its
 * attachments, and the two tasks of {@code ttd/loop} lead to each other and never to the end. Application metadata
 * is read from Storage on every request here, so that a test can deploy a stricter version of an app while instances
 * of it are under way.
 */
@TestPropertySource(properties = {"app.apps-dir=classpath:process-apps/", "app.metadata-cache-ttl=0s"})
class ProcessAppRulesIntegrationTests extends ProcessIntegrationTest {

  private static final String SHREDDER = "ttd/shredder";
  private static final String STRICT = "ttd/strict";
  private static final String LOOP = "ttd/loop";

  @BeforeEach
  void appsRegistered() throws InterruptedException {
    AppHttp storage = new AppHttp(STORAGE.apiUrl(), null);
    Instant deadline = Instant.now().plusSeconds(15);
    while (Stream.of(SHREDDER, STRICT, LOOP).anyMatch(app -> storage.get("/applications/" + app).status() != 200)) {
      assertThat(Instant.now()).as("the test apps are registered in Storage").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void theEndOfTheProcessOfAnAppThatDeletesOnProcessEndHardDeletesTheInstance() {
    String id = instanceAt(SHREDDER, "Task_1", "data");
    upload(SHREDDER, id, "note", "text/plain", "Shred after reading.");

    AppHttp.Response ended = sophie().put(process(SHREDDER, id) + "/next", null);

    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("endEvent").asString()).isEqualTo("EndEvent_1");
    JsonNode stored = stored(SHREDDER, id);
    assertThat(stored.at("/status/isArchived").asBoolean()).isTrue();
    assertThat(stored.at("/status/isHardDeleted").asBoolean()).isTrue();
    assertThat(stored.at("/data/0/locked").asBoolean()).isTrue();
    // Storage hides a hard-deleted instance from users.
    assertThat(sophie().get(process(SHREDDER, id)).status()).isEqualTo(404);
  }

  @Test
  void countsAndContentTypesAreValidatedAgainstTheAppAsDeployedNow() {
    String id = instanceAt(STRICT, "Task_1", "data");
    upload(STRICT, id, "attachment", "application/pdf", "%PDF-1.7");
    String png = upload(STRICT, id, "attachment", "image/png", "PNG");
    deployStricterAttachments();

    AppHttp.Response refused = sophie().put(process(STRICT, id) + "/next", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("validationIssues")).hasSize(2);
    assertThat(issue(refused, 0).get("code").asString()).isEqualTo("TooManyDataElementsOfType");
    assertThat(issue(refused, 0).get("field").asString()).isEqualTo("attachment");
    assertThat(issue(refused, 0).get("dataElementId").isNull()).isTrue();
    assertThat(issue(refused, 1).get("code").asString()).isEqualTo("ContentTypeNotAllowed");
    assertThat(issue(refused, 1).get("field").asString()).isEqualTo("attachment");
    assertThat(issue(refused, 1).get("dataElementId").asString()).isEqualTo(png);
    assertThat(stored(STRICT, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
  }

  @Test
  void anInstanceOfAnotherAppIsNotFoundThroughThisAppsPath() {
    String id = instanceAt(STRICT, "Task_1", "data");

    AppHttp.Response missing = sophie().put(process(SHREDDER, id) + "/next", null);

    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(missing.json().get("detail").asString()).isEqualTo("Instance " + id + " is not an instance of "
        + SHREDDER + ".");
    assertThat(stored(STRICT, id).at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
  }

  @Test
  void completeProcessStopsAProcessThatNeverEndsAfterAsManyMovesAsItHasTasks() {
    String id = instanceAt(LOOP, "Task_1", "data");

    AppHttp.Response refused = sophie().put(process(LOOP, id) + "/completeProcess", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString())
        .isEqualTo("The process of ttd/loop does not reach an end event from task Task_1: its flows loop.");
    JsonNode stored = stored(LOOP, id);
    assertThat(stored.at("/process/currentTask/elementId").asString()).isEqualTo("Task_1");
    assertThat(stored.at("/process/currentTask/flow").asInt()).isEqualTo(4);
  }

  /** A new version of ttd/strict in Storage: one attachment at most, and PDF only. */
  private void deployStricterAttachments() {
    String deployToken = new AppHttp(STORAGE.root(), null)
        .get("/Home/GetTestOrgToken/ttd?scopes=altinn:appdeploy").text().strip();
    AppHttp deployer = new AppHttp(STORAGE.apiUrl(), deployToken);
    ObjectNode metadata = (ObjectNode) deployer.get("/applications/" + STRICT).json();
    ObjectNode attachment = (ObjectNode) metadata.get("dataTypes").get(0);
    attachment.put("maxCount", 1);
    attachment.putArray("allowedContentTypes").add("application/pdf");
    AppHttp.Response deployed = deployer.post("/applications?appId=" + STRICT, metadata);
    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
  }
}
