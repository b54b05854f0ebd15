package no.instanceplatform.storage.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

class DataElementsIntegrationTests extends IntegrationTest {

  private static final String XML = "<skjema><navn>Sophie</navn></skjema>";
  private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Autowired
  ApplicationStore applications;

  private String instance;
  private String instanceGuid;

  @BeforeEach
  void anInstanceOfAnAppWithLimits() {
    applications.upsert(StorageHttp.JSON.readValue("""
        {"id": "ttd/data-app", "org": "ttd", "title": {"nb": "Data"},
         "dataTypes": [
           {"id": "form", "allowedContentTypes": ["application/xml"], "maxCount": 1, "maxSize": 1},
           {"id": "attachment", "allowedContentTypes": ["application/pdf", "image/png"], "maxCount": 3, "maxSize": 1},
           {"id": "any", "allowedContentTypes": [], "maxSize": 1}
         ]}
        """, Application.class));
    StorageHttp.Response created = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/data-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    instance = "/storage/api/v1/instances/" + created.json().path("id").asString();
    instanceGuid = created.json().path("id").asString().substring(7);
  }

  @Test
  void uploadingStoresTheFileAndItsMetadataAndRecordsIt() {
    StorageHttp.Response created = upload(USER_1337, "form", XML, "application/xml",
        "attachment; filename=skjema.xml");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode element = created.json();
    String id = element.path("id").asString();
    assertThat(created.header("Location")).isEqualTo("http://localhost:5101" + instance + "/data/" + id);
    assertThat(element.path("instanceGuid").asString()).isEqualTo(instanceGuid);
    assertThat(element.path("dataType").asString()).isEqualTo("form");
    assertThat(element.path("filename").asString()).isEqualTo("skjema.xml");
    assertThat(element.path("contentType").asString()).isEqualTo("application/xml");
    assertThat(element.path("blobStoragePath").asString()).isEqualTo("ttd/data-app/" + instanceGuid + "/data/" + id);
    assertThat(element.path("size").asLong()).isEqualTo(XML.getBytes(StandardCharsets.UTF_8).length);
    assertThat(element.path("locked").asBoolean()).isFalse();
    assertThat(element.path("refs")).isEmpty();
    assertThat(element.path("createdBy").asString()).isEqualTo("1337");
    assertThat(element.path("selfLinks").path("apps").asString())
        .isEqualTo("http://localhost:5005/ttd/data-app/instances/501337/" + instanceGuid + "/data/" + id);

    HttpResponse<String> file = download(id);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(XML);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("skjema.xml");

    JsonNode after = http.get(instance).json();
    assertThat(after.path("data")).hasSize(1);
    assertThat(after.path("lastChanged").asString()).isEqualTo(element.path("created").asString());
    assertThat(http.get(instance + "/dataelements").json().path("dataElements").get(0).path("id").asString())
        .isEqualTo(id);
    JsonNode events = http.get(instance + "/events?eventTypes=Created").json().path("instanceEvents");
    assertThat(events.get(events.size() - 1).path("dataId").asString()).isEqualTo(id);
  }

  @Test
  void theFileNameIsReadFromFilenameStarFirstAndUrlDecoded() {
    String star = upload(USER_1337, "any", "x", "text/plain",
        "attachment; filename=plain.txt; filename*=UTF-8''s%C3%B8knad%20nr%201.txt").json().path("filename").asString();
    String encoded = upload(USER_1337, "any", "x", "text/plain", "attachment; filename=\"min%20fil.txt\"").json()
        .path("filename").asString();

    assertThat(star).isEqualTo("søknad nr 1.txt");
    assertThat(encoded).isEqualTo("min fil.txt");
  }

  @Test
  void aFileNameNoFileSystemCouldHoldIsRefusedAndAnyOtherKeptExactly() {
    assertProblem(upload(USER_1337, "any", "x", "text/plain", "attachment; filename*=UTF-8''a%0D%0Ab.txt"), 400,
        "control characters");
    assertProblem(upload(USER_1337, "any", "x", "text/plain", "attachment; filename=" + "x".repeat(256)), 400,
        "longer than 255 characters");
    String id = upload(USER_1337, "any", "x", "text/plain", "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fs%C3%B8knad")
        .json().path("id").asString();
    assertProblem(as(USER_1337).put(instance + "/dataelements/" + id, Map.of("filename", "a\u0000b")), 400,
        "control characters");

    JsonNode stored = http.get(instance + "/dataelements").json().path("dataElements");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).path("filename").asString()).isEqualTo("../../etc/søknad");
    assertThat(stored.get(0).path("blobStoragePath").asString()).isEqualTo("ttd/data-app/" + instanceGuid + "/data/"
        + id);
  }

  @Test
  void aMultipartBodyGivesItsFirstPart() {
    String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 data\r\n--b\r\nContent-Disposition: form-data; "
        + "name=\"second\"\r\n\r\nignored\r\n--b--\r\n";
    StorageHttp.Response created = as(USER_1337).send("POST", instance + "/data?dataType=attachment", body,
        "multipart/form-data; boundary=b");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("contentType").asString()).isEqualTo("application/pdf");
    assertThat(created.json().path("filename").asString()).isEqualTo("a.pdf");
    assertThat(download(created.json().path("id").asString()).body()).isEqualTo("%PDF-1.4 data");
  }

  @Test
  void aMalformedMultipartBodyIsRefusedAndStoresNothing() {
    String unterminated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4";

    assertProblem(as(USER_1337).send("POST", instance + "/data?dataType=attachment", unterminated,
        "multipart/form-data; boundary=b"), 400, "multipart body is malformed");
    assertProblem(as(USER_1337).send("POST", instance + "/data?dataType=attachment", "--x\r\n\r\n",
        "multipart/form-data"), 400, "multipart body is malformed");
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).isEmpty();
  }

  @Test
  void theDataTypesLimitsAreEnforcedByStorage() {
    assertProblem(upload(USER_1337, null, XML, "application/xml", null), 400, "dataType query parameter is required");
    assertProblem(upload(USER_1337, "photo", XML, "application/xml", null), 400, "'photo' is not declared");
    assertProblem(upload(USER_1337, "form", XML, "application/json", null), 415, "'application/json' is not allowed");
    assertProblem(upload(USER_1337, "form", "", "application/xml", null), 400, "request body is empty");
    assertProblem(upload(USER_1337, "form", "x".repeat(1024 * 1024 + 1), "application/xml", null), 413,
        "larger than the 1048576 bytes");
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).isEmpty();
    assertThat(upload(USER_1337, "form", XML, "application/xml; charset=utf-8", null).status()).isEqualTo(201);
    assertProblem(upload(USER_1337, "form", XML, "application/xml", null), 409, "maxCount");
    assertThat(upload(USER_1337, "any", "x", null, null).status()).isEqualTo(201);
  }

  /** The part that came before the client stopped is not taken for the whole file, nor for Storage's failure. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anUploadEndingBeforeItsContentLengthIsRefusedAndStoresNothing(CapturedOutput output) {
    RawHttp.Response cut = new RawHttp(port).sendCut("POST", instance + "/data?dataType=any",
        Map.of("Authorization", "Bearer " + token(USER_1337), "Content-Type", "text/plain"), 1000,
        "x".repeat(500).getBytes(StandardCharsets.US_ASCII));

    assertThat(cut.status()).as(cut.toString()).isEqualTo(400);
    assertThat(cut.header("Content-Type")).startsWith("application/problem+json");
    assertThat(output.getAll()).doesNotContain(" ERROR ", " WARN ");
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).isEmpty();
  }

  @Test
  void concurrentUploadsNeverExceedMaxCount() throws Exception {
    List<Callable<Integer>> uploads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      uploads.add(() -> upload(USER_1337, "attachment", "%PDF-" + Math.random(), "application/pdf", null).status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(10)) {
      for (Future<Integer> status : pool.invokeAll(uploads)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).hasSize(3);
  }

  /** Every upload but the first writes to an instance that changed while its file went up; none is lost. */
  @Test
  void concurrentUploadsAreAllRecorded() throws Exception {
    List<Callable<String>> uploads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String content = "file " + i;
      uploads.add(() -> upload(USER_1337, "any", content, "text/plain", null).json().path("id").asString());
    }
    List<String> ids = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (Future<String> id : pool.invokeAll(uploads)) {
        ids.add(id.get());
      }
    }

    assertThat(http.get(instance + "/dataelements").json().path("dataElements").valueStream()
        .map(element -> element.path("id").asString())).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(http.get(instance + "/events?eventTypes=Created").json().path("instanceEvents").valueStream()
        .filter(event -> event.hasNonNull("dataId")).map(event -> event.path("dataId").asString()))
        .containsExactlyInAnyOrderElementsOf(ids);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(download(ids.get(i)).body()).isEqualTo("file " + i);
    }
  }

  @Test
  void replacingTheContentKeepsTheElementAndRecordsASave() {
    String id = upload(USER_1337, "form", XML, "application/xml", "attachment; filename=a.xml").json().path("id")
        .asString();

    StorageHttp.Response replaced = as(USER_1337).send("PUT", instance + "/data/" + id, "<ny/>", "application/xml");

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().path("size").asLong()).isEqualTo(5);
    assertThat(replaced.json().path("filename").asString()).isEqualTo("a.xml");
    assertThat(download(id).body()).isEqualTo("<ny/>");
    assertThat(eventTypes()).endsWith("Saved");
    assertProblem(as(USER_1337).send("PUT", instance + "/data/" + id, "", "application/xml"), 400, "empty");
    assertThat(download(id).body()).isEqualTo("<ny/>");
  }

  @Test
  void aLockedElementCannotChangeUntilUnlocked() {
    String id = upload(USER_1337, "form", XML, "application/xml", null).json().path("id").asString();

    assertThat(as(USER_1337).put(instance + "/data/" + id + "/lock", null).status()).isEqualTo(201);
    assertThat(as(USER_1337).put(instance + "/data/" + id + "/lock", null).status()).isEqualTo(200);
    assertProblem(as(USER_1337).send("PUT", instance + "/data/" + id, "<x/>", "application/xml"), 409, "is locked");
    assertProblem(as(USER_1337).delete(instance + "/data/" + id), 409, "is locked");
    assertThat(as(USER_1337).delete(instance + "/data/" + id + "/lock").json().path("locked").asBoolean()).isFalse();
    assertThat(as(USER_1337).send("PUT", instance + "/data/" + id, "<x/>", "application/xml").status()).isEqualTo(200);
  }

  @Test
  void deletingRemovesTheFileAndItsMetadataAndRecordsIt() {
    String id = upload(USER_1337, "form", XML, "application/xml", null).json().path("id").asString();

    StorageHttp.Response deleted = as(USER_1337).delete(instance + "/data/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("id").asString()).isEqualTo(id);
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).isEmpty();
    assertProblem(http.get(instance + "/data/" + id), 404, "was not found");
    assertThat(eventTypes()).endsWith("Deleted");
    assertThat(upload(USER_1337, "form", XML, "application/xml", null).status()).isEqualTo(201);
  }

  @Test
  void metadataUpdatesChangeRefsTagsAndFileName() {
    String id = upload(USER_1337, "form", XML, "application/xml", null).json().path("id").asString();
    String ref = "7e2c1f3a-5b1d-4c44-9b1a-0c7f3d2e1a11";

    JsonNode updated = as(USER_1337).put(instance + "/dataelements/" + id, Map.of("id", id, "filename", "b.xml",
        "refs", List.of(ref), "tags", List.of("signert"))).json();

    assertThat(updated.path("filename").asString()).isEqualTo("b.xml");
    assertThat(updated.path("refs").get(0).asString()).isEqualTo(ref);
    assertThat(updated.path("tags").get(0).asString()).isEqualTo("signert");
  }

  @Test
  void metadataUpdatesIgnoreWhatStorageOwnsOfTheElement() {
    JsonNode before = upload(USER_1337, "form", XML, "application/xml", "attachment; filename=a.xml").json();
    String id = before.path("id").asString();

    StorageHttp.Response updated = as(USER_1337).put(instance + "/dataelements/" + id, Map.ofEntries(
        Map.entry("id", id), Map.entry("instanceGuid", instanceGuid), Map.entry("filename", "b.xml"),
        Map.entry("dataType", "attachment"), Map.entry("contentType", "application/pdf"),
        Map.entry("blobStoragePath", "ttd/data-app/" + instanceGuid + "/data/other"), Map.entry("size", 1),
        Map.entry("created", "2001-01-01T00:00:00Z"), Map.entry("createdBy", "someone"),
        Map.entry("lastChanged", "2001-01-01T00:00:00Z"), Map.entry("lastChangedBy", "someone"),
        Map.entry("selfLinks", Map.of("platform", "https://evil.example/x"))));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode stored = http.get(instance + "/dataelements").json().path("dataElements").get(0);
    assertThat(stored).isEqualTo(updated.json());
    assertThat(stored.path("filename").asString()).isEqualTo("b.xml");
    for (String owned : List.of("id", "instanceGuid", "dataType", "contentType", "blobStoragePath", "size", "created",
        "createdBy", "selfLinks")) {
      assertThat(stored.path(owned)).as(owned).isEqualTo(before.path(owned));
    }
    assertThat(stored.path("lastChanged").asString()).isNotEqualTo("2001-01-01T00:00:00Z");
    assertThat(stored.path("lastChangedBy").asString()).isEqualTo("1337");
    assertThat(download(id).body()).isEqualTo(XML);
  }

  @Test
  void aMetadataUpdateNamingAnotherElementOrInstanceIsRefusedAndChangesNothing() {
    JsonNode before = upload(USER_1337, "form", XML, "application/xml", "attachment; filename=a.xml").json();
    String id = before.path("id").asString();
    String other = "7e2c1f3a-5b1d-4c44-9b1a-0c7f3d2e1a11";

    assertProblem(as(USER_1337).put(instance + "/dataelements/" + id, Map.of("id", other, "filename", "b.xml")), 400,
        "is not the id of the path");
    assertProblem(as(USER_1337).put(instance + "/dataelements/" + id, Map.of("instanceGuid", other,
        "filename", "b.xml")), 400, "is not the instanceGuid of the path");

    assertThat(http.get(instance + "/dataelements").json().path("dataElements").get(0)).isEqualTo(before);
  }

  @Test
  void archivedAndDeletedInstancesKeepTheirFiles() {
    String id = upload(USER_1337, "form", XML, "application/xml", null).json().path("id").asString();
    http.put(instance + "/process", Map.of("started", "2024-01-01T00:00:00Z", "ended", "2024-01-02T00:00:00Z"));

    assertProblem(upload(USER_1337, "attachment", "%PDF", "application/pdf", null), 409, "archived");
    assertProblem(as(USER_1337).send("PUT", instance + "/data/" + id, "<x/>", "application/xml"), 409, "archived");
    assertProblem(as(USER_1337).delete(instance + "/data/" + id), 409, "archived");
    assertThat(download(id).body()).isEqualTo(XML);
  }

  @Test
  void anAppOwnersUploadTellsTheUserTheInstanceChangedSinceTheyReadIt() {
    as(USER_1337).put(instance + "/readstatus?status=Read", null);

    upload(APP_OWNER, "any", "svar", "text/plain", null);

    assertThat(http.get(instance).json().path("status").path("readStatus").asString())
        .isEqualTo("UpdatedSinceLastReview");
  }

  @Test
  void filesFollowTheInstancesAccessRules() {
    String id = upload(USER_1337, "form", XML, "application/xml", null).json().path("id").asString();

    assertProblem(as("user:12345:2").get(instance + "/data/" + id), 404, "was not found");
    assertProblem(upload("user:1337:1", "any", "x", "text/plain", null), 403, "authentication level 2");
    assertThat(as("user:1337:1").get(instance + "/dataelements").status()).isEqualTo(200);
    assertProblem(as(USER_1337).get(instance + "/data/not-a-guid"), 400, "dataGuid");
  }

  @Test
  void dataElementWritesHonourIfMatch() {
    StorageHttp.Response created = upload(USER_1337, "form", XML, "application/xml", null);
    String id = created.json().path("id").asString();
    String tag = created.header("ETag");

    StorageHttp.Response replaced = as(USER_1337).with("If-Match", tag).send("PUT", instance + "/data/" + id, "<a/>",
        "application/xml");

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isNotEqualTo(tag);
    assertThat(download(id).headers().firstValue("ETag")).hasValue(replaced.header("ETag"));
    assertProblem(as(USER_1337).with("If-Match", tag).send("PUT", instance + "/data/" + id, "<b/>",
        "application/xml"), 412, "data element has changed");
    assertThat(download(id).body()).isEqualTo("<a/>");
    assertProblem(as(USER_1337).with("If-Match", tag).delete(instance + "/data/" + id), 412, "If-Match");
    assertThat(as(USER_1337).with("If-Match", replaced.header("ETag")).delete(instance + "/data/" + id).status())
        .isEqualTo(200);
  }

  private StorageHttp.Response upload(String caller, String dataType, String body, String contentType,
      String disposition) {
    StorageHttp client = disposition == null ? as(caller) : as(caller).with("Content-Disposition", disposition);
    return client.send("POST", instance + "/data" + (dataType == null ? "" : "?dataType=" + dataType), body,
        contentType);
  }

  private HttpResponse<String> download(String id) {
    try {
      return RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + instance + "/data/" + id))
          .header("Authorization", "Bearer " + token(APP_OWNER)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> eventTypes() {
    return http.get(instance + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString()).toList();
  }
}
