package no.instanceplatform.storage.applications;

import no.instanceplatform.storage.support.StorageHttp;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application {@code test/sailor} of seed 004, reconstructed (the seed lost its closing braces), with the
 * seed's misspelt {@code allowedContentType} on {@code certificate} kept as is.
 */
public final class SailorApplication {

  public static final String APP_ID = "test/sailor";
  public static final String PATH = "/storage/api/v1/applications/test/sailor";
  public static final String POST_PATH = "/storage/api/v1/applications?appId=test/sailor";

  public static final String JSON = """
      {
          "id": "test/sailor",
          "versionId": "v32.23-xyp",
          "org": "test",
          "app": "sailor",
          "created": "2019-03-06T13:46:48.6882148+01:00",
          "createdBy": "XXX",
          "title": { "nb": "Testapplikasjon", "en": "Test Application" },
          "processId": "standard",
          "validFrom": "2019-04-01T12:14:22+01:00",
          "validTo": null,
          "maxSize": null,
          "dataTypes": [
              {
                  "id": "boatdata",
                  "description": {"nb": "Båtdata", "en": "Boat data"},
                  "allowedContentTypes": ["application/json"],
                  "taskId": "Task_1",
                  "appLogic": {
                      "autoCreate": true,
                      "classRef": "Skjema",
                      "schemaRef": "schemas/boatname"
                  },
                  "maxSize": 200000,
                  "maxCount": 1
              },
              {
                  "id": "crewlist",
                  "allowedContentTypes": ["application/xml"],
                  "taskId": "Task_2",
                  "appLogic": {
                      "autoCreate": false,
                      "classRef": "CrewList",
                      "schemaRef": "schemas/crewlist"
                  },
                  "maxSize": null,
                  "minCount": 1,
                  "maxCount": 3
              },
              {
                  "id": "certificate",
                  "allowedContentType": ["application/pdf"],
                  "appLogic": null,
                  "maxSize": null,
                  "maxCount": 1
              }
          ]
      }
      """;

  private SailorApplication() {}

  /** A fresh, modifiable copy of the application. */
  public static ObjectNode json() {
    return (ObjectNode) StorageHttp.JSON.readTree(JSON);
  }
}
