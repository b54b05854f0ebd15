package no.instanceplatform.storage.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import no.instanceplatform.storage.localplatform.LocalTestData;
import no.instanceplatform.storage.localplatform.LocalTokenIssuer;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.RunningStorage;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestTokens;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the hostile-input properties aim at: an app with typed data types, an instance of user 1337 holding one file,
 * raw HTTP to send anything, and snapshots of everything stored, to show that a refused request changed nothing.
 */
final class HostileTarget {

  static final String V1 = "/storage/api/v1";
  static final String APP_ID = "ttd/hostile-app";
  static final String USER = IntegrationTest.USER_1337;
  static final String APP_OWNER = IntegrationTest.APP_OWNER;
  private static final List<String> LEAKS = List.of("at no.", "Exception", ".java", "/opt/", "org.springframework",
      "org.apache", "tools.jackson", "com.mongodb");

  final String instance;
  final String instanceGuid;
  final String dataGuid;
  private final RawHttp raw = new RawHttp(RunningStorage.port());
  private final MongoTemplate mongo = RunningStorage.bean(MongoTemplate.class);
  private final Map<String, String> tokens = new LinkedHashMap<>();

  /** A new instance (with one file) of the hostile app, for one property. */
  HostileTarget() {
    RunningStorage.bean(ApplicationStore.class).upsert(StorageHttp.JSON.readValue("""
        {"id": "ttd/hostile-app", "org": "ttd", "title": {"nb": "Fiendtlig"},
         "dataTypes": [
           {"id": "form", "allowedContentTypes": ["application/xml"], "maxSize": 1},
           {"id": "attachment", "allowedContentTypes": ["application/pdf", "image/png"], "maxSize": 1},
           {"id": "any", "allowedContentTypes": [], "maxSize": 1}
         ]}
        """, Application.class));
    RawHttp.Response created = send("POST", V1 + "/instances?appId=" + APP_ID, USER, "application/json",
        "{\"instanceOwner\":{\"partyId\":\"501337\"}}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    instance = V1 + "/instances/" + created.json().path("id").asString();
    instanceGuid = created.json().path("id").asString().substring("501337/".length());
    RawHttp.Response file = send("POST", instance + "/data?dataType=form", USER, "application/xml", "<a/>");
    assertThat(file.status()).as(file.toString()).isEqualTo(201);
    dataGuid = file.json().path("id").asString();
  }

  RawHttp.Response send(String method, String target, String caller, String contentType, String body) {
    return send(method, target, caller, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  RawHttp.Response send(String method, String target, String caller, String contentType, byte[] body,
      Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    if (caller != null) {
      headers.put("Authorization", "Bearer " + tokens.computeIfAbsent(caller, c -> TestTokens.token(
          RunningStorage.bean(LocalTokenIssuer.class), RunningStorage.bean(LocalTestData.class), c)));
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return raw.send(method, target, headers, body);
  }

  /**
   * Everything a request could have changed: the instance document (with its data elements, version and outbox),
   * the number of instances, events and blobs, the app and its texts.
   */
  Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("instance", mongo.getCollection("instances").find(new Document("_id", instanceGuid)).first());
    for (String collection : List.of("instances", "instanceEvents", "texts")) {
      state.put(collection, mongo.getCollection(collection).countDocuments());
    }
    state.put("application", mongo.getCollection("applications").find(new Document("_id", APP_ID)).first());
    state.put("blobs", blobsOfTheInstance());
    return state;
  }

  private List<Path> blobsOfTheInstance() {
    Path folder = ((FileSystemBlobStore) RunningStorage.bean(BlobStore.class)).root()
        .resolve("ttd").resolve(APP_ID).resolve(instanceGuid);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 4xx problem that names no internals. */
  static void assertRefused(String what, RawHttp.Response response) {
    assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
    assertProblemWithoutLeaks(what, response);
  }

  static void assertProblemWithoutLeaks(String what, RawHttp.Response response) {
    assertThat(response.header("Content-Type")).as(what + " -> " + response).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
    for (String leak : LEAKS) {
      assertThat(response.body()).as(what).doesNotContain(leak);
    }
  }
}
