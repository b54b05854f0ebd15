package no.instanceplatform.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import tools.jackson.databind.JsonNode;

/**
 * Base of the process endpoints' tests: instances and their data are made straight in Storage, as the app owner, so
 * that these tests depend on nothing of the App API but its process endpoints.
 */
abstract class ProcessIntegrationTest extends AppApiIntegrationTest {

  /**
   * A new instance of Sophie's, made by the app owner of {@code appId} with its process at {@code taskId} (as if
   * started there), or not started when {@code taskId} is null. Answers the instance id.
   */
  protected String instanceAt(String appId, String taskId, String taskType) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("instanceOwner", Map.of("partyId", Long.toString(SOPHIE_PARTY)));
    if (taskId != null) {
      template.put("process", Map.of("started", "2026-01-05T10:00:00Z", "startEvent", "StartEvent_1",
          "currentTask", Map.of("flow", 2, "started", "2026-01-05T10:00:00Z", "elementId", taskId,
              "altinnTaskType", taskType)));
    }
    AppHttp.Response created = storage(appId).post("/storage/api/v1/instances?appId=" + appId, template);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** Stores a data element in Storage as the app owner; answers its id. */
  protected String upload(String appId, String instanceId, String dataType, String contentType, String content) {
    AppHttp.Response uploaded = storage(appId).upload("POST",
        "/storage/api/v1/instances/" + instanceId + "/data?dataType=" + dataType, contentType, null,
        content.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return uploaded.json().get("id").asString();
  }

  /** The instance as Storage holds it, read by the app owner (who also sees deleted instances). */
  protected JsonNode stored(String appId, String instanceId) {
    AppHttp.Response instance = storage(appId).get("/storage/api/v1/instances/" + instanceId);
    assertThat(instance.status()).as(instance.toString()).isEqualTo(200);
    return instance.json();
  }

  /** The App API's URL of an instance's process, {@code /{org}/{app}/instances/{id}/process}. */
  protected static String process(String appId, String instanceId) {
    return "/" + appId + "/instances/" + instanceId + "/process";
  }

  protected static JsonNode issue(AppHttp.Response refused, int index) {
    return refused.json().get("validationIssues").get(index);
  }

  private AppHttp storage(String appId) {
    return storageAsAppOwner(appId.substring(0, appId.indexOf('/')));
  }
}
