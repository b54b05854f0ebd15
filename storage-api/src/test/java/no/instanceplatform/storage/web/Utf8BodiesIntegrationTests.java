package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** JSON bodies are read as well-formed UTF-8, or in the charset they declare. */
class Utf8BodiesIntegrationTests extends IntegrationTest {

  @Autowired
  ApplicationStore applications;

  private String instance;

  @BeforeEach
  void anInstance() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    instance = "/storage/api/v1/instances/" + as(USER_1337).post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json().path("id").asString();
  }

  /** Jackson decoded the overlong C0 AF as '/', so "a\xC0\xAFb" was stored as "a/b". */
  @Test
  void anOverlongSlashIsRefusedNotDecoded() {
    RawHttp.Response refused = putLabel(bytes("{\"label\":\"a", 0xC0, 0xAF, "b\"}"), "application/json");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("detail").asString()).contains("not well-formed UTF-8");
    assertThat(http.get(instance).json().path("status").path("substatus").isNull()).isTrue();
  }

  @Test
  void aBodyInTheCharsetItDeclaresIsReadInIt() {
    RawHttp.Response stored = putLabel(bytes("{\"label\":\"bl", 0xE5, "b", 0xE6, "r\"}"),
        "application/json; charset=ISO-8859-1");

    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    assertThat(http.get(instance).json().path("status").path("substatus").path("label").asString())
        .isEqualTo("blåbær");
  }

  private RawHttp.Response putLabel(byte[] body, String contentType) {
    return new RawHttp(port).send("PUT", instance + "/substatus", Map.of("Authorization", "Bearer "
        + token(APP_OWNER), "Content-Type", contentType), body);
  }

  /** Text as UTF-8 and integers as single bytes, in order. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer b) {
        bytes.write(b);
      } else {
        bytes.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }
}
