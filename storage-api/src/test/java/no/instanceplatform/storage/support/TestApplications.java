package no.instanceplatform.storage.support;

import no.instanceplatform.model.Application;

/** Applications the tests create instances of. */
public final class TestApplications {

  private TestApplications() {}

  /** An app of org {@code ttd} with one form type, and a protection of archived instances when asked. */
  public static Application ttdApp(String app, Integer preventInstanceDeletionForDays) {
    String json = """
        {
          "id": "ttd/%s",
          "org": "ttd",
          "title": {"nb": "Testapp", "en": "Test app"},
          "dataTypes": [
            {"id": "default", "allowedContentTypes": ["application/xml"], "taskId": "Task_1", "maxCount": 1,
             "appLogic": {"autoCreate": true, "classRef": "Skjema"}}
          ],
          "preventInstanceDeletionForDays": %s
        }
        """.formatted(app, preventInstanceDeletionForDays);
    return StorageHttp.JSON.readValue(json, Application.class);
  }
}
