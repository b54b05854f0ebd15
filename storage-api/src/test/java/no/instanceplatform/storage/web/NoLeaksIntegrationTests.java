package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sweep of bad requests across Storage's endpoints, sent as raw bytes: every answer is the expected 4xx problem,
 * no body gives away an exception, a class, a source file or a path of the server, and every answer carries
 * Spring Security's default security headers, the refusals Tomcat makes itself included.
 */
class NoLeaksIntegrationTests extends IntegrationTest {

  private static final String V1 = "/storage/api/v1";
  private static final List<String> LEAKS = List.of("at no.", "Exception", ".java", "/opt/", "org.springframework",
      "org.apache", "tools.jackson", "com.mongodb", "Tomcat");
  private static final String UNKNOWN_GUID = "00000000-0000-4000-8000-000000000000";

  @Autowired
  ApplicationStore applications;

  private String instance;
  private String dataGuid;

  @BeforeEach
  void anInstanceWithAFile() {
    applications.upsert(StorageHttp.JSON.readValue("""
        {"id": "ttd/leak-app", "org": "ttd",
         "dataTypes": [{"id": "form", "allowedContentTypes": ["application/xml"], "maxSize": 1}]}
        """, Application.class));
    StorageHttp.Response created = as(USER_1337).post(V1 + "/instances?appId=ttd/leak-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    instance = V1 + "/instances/" + created.json().path("id").asString();
    dataGuid = as(USER_1337).send("POST", instance + "/data?dataType=form", "<a/>", "application/xml").json()
        .path("id").asString();
  }

  private record Bad(String what, int status, String method, String target, String caller, String contentType,
      byte[] body, Map<String, String> headers) {}

  private List<Bad> badRequests() {
    List<Bad> bad = new ArrayList<>();
    add(bad, "unknown route", 404, "GET", V1 + "/nothing", APP_OWNER, null, null);
    add(bad, "instance guid not a guid", 400, "GET", V1 + "/instances/501337/not-a-guid", APP_OWNER, null, null);
    add(bad, "party id not a number", 400, "GET", V1 + "/instances/abc/" + UNKNOWN_GUID, APP_OWNER, null, null);
    add(bad, "party id past a long", 400, "GET", V1 + "/instances/99999999999999999999/" + UNKNOWN_GUID, APP_OWNER,
        null, null);
    add(bad, "unknown instance", 404, "GET", V1 + "/instances/501337/" + UNKNOWN_GUID, APP_OWNER, null, null);
    add(bad, "no token", 401, "GET", instance, null, null, null);
    add(bad, "garbage token", 401, "GET", instance, "token:abc", null, null);
    add(bad, "user on an app owner's write", 403, "PUT", instance + "/substatus", USER_1337, "application/json",
        "{\"label\":\"x\"}");
    add(bad, "method not allowed", 405, "PATCH", instance, APP_OWNER, "application/json", "{}");
    add(bad, "create: malformed JSON", 400, "POST", V1 + "/instances?appId=ttd/leak-app", USER_1337,
        "application/json", "{\"instanceOwner\":");
    add(bad, "create: wrong type", 400, "POST", V1 + "/instances?appId=ttd/leak-app", USER_1337, "application/json",
        "{\"instanceOwner\":{\"partyId\":[1,2]}}");
    add(bad, "create: invalid UTF-8", 400, "POST", V1 + "/instances?appId=ttd/leak-app", USER_1337,
        "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    add(bad, "create: XML", 415, "POST", V1 + "/instances?appId=ttd/leak-app", USER_1337, "application/xml",
        "<instance/>");
    add(bad, "create: bad appId", 400, "POST", V1 + "/instances?appId=../..", USER_1337, "application/json", "{}");
    add(bad, "delete: hard=maybe", 400, "DELETE", instance + "?hard=maybe", USER_1337, null, null);
    add(bad, "delete: stale If-Match", 412, "DELETE", instance, USER_1337, null, null,
        Map.of("If-Match", "\"stale\""));
    add(bad, "read status: unknown", 400, "PUT", instance + "/readstatus?status=Opened", USER_1337, null, null);
    add(bad, "data values: not an object", 400, "PUT", instance + "/datavalues", USER_1337, "application/json",
        "{\"values\":[1]}");
    add(bad, "process: not a state", 400, "PUT", instance + "/process", USER_1337, "application/json",
        "{\"started\":\"yesterday\"}");
    add(bad, "query: bad date", 400, "GET", V1 + "/instances?org=ttd&created=gt:soon", APP_OWNER, null, null);
    add(bad, "query: unknown parameter", 400, "GET", V1 + "/instances?org=ttd&drop=table", APP_OWNER, null, null);
    add(bad, "query: bad token", 400, "GET", V1 + "/instances?org=ttd&continuationToken=abc.def", APP_OWNER, null,
        null);
    add(bad, "query: malformed percent-encoding", 400, "GET", V1 + "/instances?org=%zz", APP_OWNER, null, null);
    add(bad, "events: bad date", 400, "GET", instance + "/events?from=never", USER_1337, null, null);
    add(bad, "event: another instance", 400, "POST", instance + "/events", USER_1337, "application/json",
        "{\"eventType\":\"Saved\",\"instanceId\":\"1/" + UNKNOWN_GUID + "\"}");
    add(bad, "upload: no data type", 400, "POST", instance + "/data", USER_1337, "application/xml", "<a/>");
    add(bad, "upload: content type not allowed", 415, "POST", instance + "/data?dataType=form", USER_1337,
        "text/html", "<a/>");
    add(bad, "upload: over maxSize", 413, "POST", instance + "/data?dataType=form", USER_1337, "application/xml",
        "x".repeat(1024 * 1024 + 1));
    add(bad, "upload: unterminated multipart", 400, "POST", instance + "/data?dataType=form", USER_1337,
        "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n<a/>");
    add(bad, "upload: malformed Content-Disposition", 400, "POST", instance + "/data?dataType=form", USER_1337,
        "application/xml", "<a/>", Map.of("Content-Disposition", "attachment; filename*=UTF-8''%zz%"));
    add(bad, "metadata: another id", 400, "PUT", instance + "/dataelements/" + dataGuid, USER_1337,
        "application/json", "{\"id\":\"" + UNKNOWN_GUID + "\"}");
    add(bad, "download: unknown element", 404, "GET", instance + "/data/" + UNKNOWN_GUID, USER_1337, null, null);
    add(bad, "message box: bad state", 400, "GET", V1 + "/sbl/instances/501337?state=lost", USER_1337, null, null);
    add(bad, "application: bad org", 400, "GET", V1 + "/applications/TTD", null, null, null);
    add(bad, "application: body id mismatch", 400, "POST", V1 + "/applications?appId=ttd/leak-app", APP_OWNER,
        "application/json", "{\"id\":\"ttd/other\"}");
    add(bad, "texts: bad language", 400, "GET", V1 + "/applications/ttd/leak-app/texts/norsk", null, null, null);
    add(bad, "header block too large", 431, "GET", instance, APP_OWNER, null, null,
        Map.of("X-Padding", "x".repeat(20 * 1024)));
    add(bad, "JSON nested too deeply", 400, "POST", V1 + "/instances?appId=ttd/leak-app", USER_1337,
        "application/json", "[".repeat(2000) + "]".repeat(2000));
    return bad;
  }

  @Test
  void noRefusalGivesAwayInternalsAndEveryAnswerCarriesTheSecurityHeaders() {
    RawHttp raw = new RawHttp(port);
    List<Bad> requests = badRequests();

    for (Bad bad : requests) {
      Map<String, String> headers = new LinkedHashMap<>(bad.headers());
      if (bad.caller() != null) {
        headers.put("Authorization", "Bearer " + (bad.caller().startsWith("token:") ? bad.caller().substring(6)
            : token(bad.caller())));
      }
      if (bad.contentType() != null) {
        headers.put("Content-Type", bad.contentType());
      }
      RawHttp.Response response = raw.send(bad.method(), bad.target(), headers, bad.body());

      assertThat(response.status()).as(bad.what() + ": " + response).isEqualTo(bad.status());
      assertThat(response.header("Content-Type")).as(bad.what()).startsWith("application/problem+json");
      assertThat(response.json().path("status").asInt()).as(bad.what()).isEqualTo(bad.status());
      for (String leak : LEAKS) {
        assertThat(response.body()).as(bad.what()).doesNotContain(leak);
      }
      assertSecurityHeaders(bad.what(), response);
    }
    assertThat(requests).hasSizeGreaterThanOrEqualTo(38);
  }

  @Test
  void anAuthenticatedAnswerIsNeverCached() {
    RawHttp.Response read = new RawHttp(port).send("GET", instance,
        Map.of("Authorization", "Bearer " + token(USER_1337)), null);

    assertThat(read.status()).isEqualTo(200);
    assertSecurityHeaders("GET instance", read);
  }

  private static void assertSecurityHeaders(String what, RawHttp.Response response) {
    assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    assertThat(response.header("Cache-Control")).as(what).contains("no-store");
  }

  private static void add(List<Bad> bad, String what, int status, String method, String target, String caller,
      String contentType, Object body) {
    add(bad, what, status, method, target, caller, contentType, body, Map.of());
  }

  private static void add(List<Bad> bad, String what, int status, String method, String target, String caller,
      String contentType, Object body, Map<String, String> headers) {
    byte[] bytes = body instanceof byte[] b ? b
        : body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
    bad.add(new Bad(what, status, method, target, caller, contentType, bytes, headers));
  }
}
