package no.instanceplatform.storage.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.support.DataValues;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An instance may take at most {@code storage.instances.max-size} in the store (here 64 KB): a write that would take
 * it past that is 413, whatever grows it, and stores nothing of itself, neither metadata, nor event, nor file. A
 * query's page holds at most {@code storage.instances.max-page-size} of instances (here 64 KB too), and goes on in
 * its next page.
 */
@TestPropertySource(properties = {"storage.instances.max-size=64KB", "storage.instances.max-page-size=64KB"})
class InstanceLimitsIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  ApplicationStore applications;

  @Autowired
  BlobStore blobs;

  private String instance;
  private JsonNode before;

  @BeforeEach
  void anInstance() {
    applications.upsert(StorageHttp.JSON.readValue(
        "{\"id\": \"ttd/sized\", \"org\": \"ttd\", \"dataTypes\": [{\"id\": \"file\"}]}", Application.class));
    JsonNode created = as(USER_1337).post(INSTANCES + "?appId=ttd/sized",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json();
    instance = INSTANCES + "/" + created.path("id").asString();
  }

  @Test
  void dataValuesThatWouldTakeTheInstancePastItsMaxSizeAre413AndChangeNothing() {
    assertThat(http.put(instance + "/datavalues", Map.of("values", DataValues.of("a", 500))).status()).isEqualTo(200);
    before = http.get(instance).json();

    StorageHttp.Response refused = http.put(instance + "/datavalues", Map.of("values", DataValues.of("b", 1_000)));

    assertProblem(refused, 413, "more than the 65536 an instance may");
    assertThat(http.get(instance).json()).isEqualTo(before);
    assertThat(eventTypes()).containsExactly("Created");
    assertThat(http.put(instance + "/datavalues", Map.of("values", DataValues.of("c", 200))).status())
        .as("a write that still fits").isEqualTo(200);
  }

  @Test
  void aDataElementPastTheMaxSizeIs413AndItsFileIsNotKept() {
    assertThat(http.put(instance + "/datavalues", Map.of("values", DataValues.of("a", 1_200))).status()).isEqualTo(200);
    // Filled three values at a time: three take less room than a data element.
    for (int batch = 0;
        http.put(instance + "/datavalues", Map.of("values", DataValues.of("b" + batch, 3))).status() == 200;
        batch++) {
      assertThat(batch).as("values added before the instance was full").isLessThan(200);
    }
    before = http.get(instance).json();

    StorageHttp.Response refused = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain");

    assertProblem(refused, 413, "would take");
    assertThat(http.get(instance).json()).isEqualTo(before);
    String guid = instance.substring(instance.lastIndexOf('/') + 1);
    assertThat(blobs.deleteByPrefix("ttd", "ttd/sized/" + guid + "/")).as("files left behind").isZero();
  }

  @Test
  void aNewInstancePastTheMaxSizeIs413AndIsNotStored() {
    StorageHttp.Response refused = as(USER_1337).post(INSTANCES + "?appId=ttd/sized", Map.of(
        "instanceOwner", Map.of("partyId", "501337"), "presentationTexts", DataValues.of("t", 1_500)));

    assertProblem(refused, 413, "more than the 65536 an instance may");
    assertThat(http.get(INSTANCES + "?appId=ttd/sized").json().path("count").asInt()).isEqualTo(1);
  }

  @Test
  void aQueryPageEndsBeforeTheInstanceThatWouldTakeItPastThePageSizeAndItsNextPageGoesOn() {
    List<String> expected = new ArrayList<>();
    expected.add(instance.substring(instance.lastIndexOf('/') + 1));
    for (int i = 0; i < 2; i++) {
      JsonNode created = as(USER_1337).post(INSTANCES + "?appId=ttd/sized", Map.of(
          "instanceOwner", Map.of("partyId", "501337"), "dataValues", DataValues.of("v", 800))).json();
      expected.addFirst(created.path("id").asString().substring(7));
    }

    List<String> read = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    String page = INSTANCES + "?appId=ttd/sized&size=10";
    while (page != null) {
      JsonNode answer = http.get(page).json();
      assertThat(answer.path("totalHits").asInt()).isEqualTo(3);
      counts.add(answer.path("count").asInt());
      answer.path("instances").forEach(found -> read.add(found.path("id").asString().substring(7)));
      String next = answer.path("next").asString(null);
      page = next == null ? null : next.substring(next.indexOf(INSTANCES));
    }

    assertThat(counts).as("each of the two with data values takes about 44 KB").containsExactly(1, 2);
    assertThat(read).containsExactlyElementsOf(expected);
  }

  private List<String> eventTypes() {
    return http.get(instance + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString()).toList();
  }
}
