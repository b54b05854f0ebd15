package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.support.DataValues;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.web.MemoryBudget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each request holds instance memory for the instances it reads and writes (here 1 MB, waited for 1 s) until it
 * ends: one that finds it spent waits, then is 503 to be sent again, having changed nothing. The instance here, of 800
 * data values, needs more than the whole memory.
 */
@TestPropertySource(properties = {"storage.instances.memory=1MB", "storage.instances.memory-wait=1s"})
class InstanceMemoryIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  ApplicationStore applications;

  @Autowired
  RequestInstanceMemory memory;

  @Autowired
  InstanceStore store;

  private String instance;

  @BeforeEach
  void anInstance() {
    applications.upsert(TestApplications.ttdApp("held", null));
    JsonNode created = as(USER_1337).post(INSTANCES + "?appId=ttd/held", Map.of(
        "instanceOwner", Map.of("partyId", "501337"), "dataValues", DataValues.of("v", 800))).json();
    instance = INSTANCES + "/" + created.path("id").asString();
  }

  @Test
  void requestsThatEachNeedTheWholeMemoryTakeTurns() {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get(instance).status()).as("read %d: the one before gave its memory back", i).isEqualTo(200);
    }
    assertThat(http.get(INSTANCES + "?appId=ttd/held").json().path("count").asInt()).isEqualTo(1);
  }

  @Test
  void aReadThatFindsTheMemorySpentWaitsThenIs503() {
    StorageHttp.Response refused;
    try (MemoryBudget.Reservation spent = memory.budget().reserve(memory.budget().bytes(), "held by the test")) {
      refused = http.get(instance);
    }

    assertProblem(refused, 503, "as many instances as its memory allows");
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(http.get(instance).status()).as("sent again").isEqualTo(200);
  }

  @Test
  void aWriteThatFindsTheMemorySpentIs503AndChangesNothing() {
    JsonNode before = http.get(instance).json();
    StorageHttp.Response refused;
    try (MemoryBudget.Reservation spent = memory.budget().reserve(memory.budget().bytes(), "held by the test")) {
      refused = http.put(instance + "/datavalues", Map.of("values", Map.of("new", "value")));
    }

    assertProblem(refused, 503, "as many instances as its memory allows");
    assertThat(http.get(instance).json()).isEqualTo(before);
  }

  @Test
  void aListingHoldsMemoryForWhatItKeepsOnTopOfTheInstanceItReads() {
    applications.upsert(TestApplications.ttdApp("listed", null));
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    Substatus long1000 = new Substatus("sub.label", "d".repeat(1000));
    for (int i = 0; i < 40; i++) {
      String guid = UUID.randomUUID().toString();
      store.insert(new Instance("501337/" + guid, InstanceOwner.ofParty("501337"), "ttd/listed", "ttd", null, null,
          now, null, InstanceStatus.initial().withSubstatus(long1000), List.of(), List.of(), null, null, now, "1337",
          now.plusSeconds(i), "1337"), List.of());
    }
    String listing = "/storage/api/v1/sbl/instances/search?instanceOwner.partyId=501337&appId=ttd/listed";
    StorageHttp user = as(USER_1337);
    assertThat(user.get(listing).json().size()).isEqualTo(40);

    // An instance here takes about 1.5 KB as stored, 48 KB of memory while read; the 40 listed keep 2.7 KB each.
    StorageHttp.Response refused;
    try (MemoryBudget.Reservation spent = memory.budget().reserve(memory.budget().bytes() - 100 * 1024,
        "held by the test")) {
      refused = user.get(listing);
    }

    assertProblem(refused, 503, "as many instances as its memory allows");
    assertThat(user.get(listing).json().size()).as("sent again").isEqualTo(40);
  }
}
