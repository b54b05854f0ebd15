package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.testkit.HeldBackRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies are read within a memory budget, 32 bytes of it for each byte read (here 256 KB, so 8 KiB of JSON at
 * most, waited for 300 ms): a longer body is 413, and one that finds the budget spent by a body still being sent (7
 * KiB of it read, 224 KiB held) waits, then is 503 to be sent again. Nothing refused is written.
 */
@TestPropertySource(properties = {"platform.json-body-memory=256KB", "platform.json-body-memory-wait=300ms"})
class JsonBodyMemoryIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  ApplicationStore applications;

  private String dataValues;

  @BeforeEach
  void anInstance() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    StorageHttp.Response created = http.post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    dataValues = INSTANCES + "/" + created.json().path("id").asString() + "/datavalues";
  }

  @Test
  void aJsonBodyLongerThanTheBudgetReadsIs413AndWritesNothing() {
    assertProblem(http.put(dataValues, values(10 * 1024)), 413,
        "The JSON body is longer than 8192 bytes, the most this service reads");
    assertThat(http.get(dataValues.replace("/datavalues", "")).json().path("dataValues").isEmpty()).isTrue();

    StorageHttp.Response within = http.put(dataValues, values(6 * 1024));
    assertThat(within.status()).as(within.toString()).isEqualTo(200);
  }

  @Test
  void aJsonBodyThatFindsTheBudgetSpentWaitsThenIs503() throws Exception {
    HeldBackRequest held = new HeldBackRequest("PUT", URI.create("http://localhost:" + port + dataValues),
        token(APP_OWNER), "application/json", JSON.writeValueAsBytes(values(7 * 1024)), 100, true);
    held.awaitMostSent();
    Thread.sleep(300);

    StorageHttp.Response refused = http.put(dataValues, values(4 * 1024));
    assertProblem(refused, 503, "as many JSON bodies as its memory allows");
    assertThat(refused.header("Retry-After")).isNotNull();

    assertThat(held.finish()).isEqualTo(200);
    assertThat(http.put(dataValues, values(4 * 1024)).status()).as("sent again").isEqualTo(200);
  }

  /** {@code {"values": {...}}} of {@code length} bytes, give or take one value's. */
  private static Map<String, Object> values(int length) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0, written = 12; written < length; i++) {
      values.put("key" + i, "value-" + i);
      written += ("key" + i).length() + ("value-" + i).length() + 6;
    }
    return Map.of("values", values);
  }
}
