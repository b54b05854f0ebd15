package no.instanceplatform.storage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.mongo.EmulatorBackends;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.testkit.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connection between Storage and MongoDB breaks (cut or reset, through a fault proxy in front of a MongoDB
 * emulator on a port of its own). While it is broken, Storage answers 503 problems with Retry-After within seconds,
 * and a file upload leaves neither metadata nor a file; once it heals, the same Storage works again.
 */
class MongoFaultsIntegrationTests extends IntegrationTest {

  private static final MongoServer MONGO = startMongo();
  private static final FaultProxy TO_MONGO = FaultProxy.to("127.0.0.1", MONGO.getLocalAddress().getPort());
  private static final Duration FAST = Duration.ofSeconds(6);

  @DynamicPropertySource
  static void throughTheProxy(DynamicPropertyRegistry registry) {
    registry.add("storage.mongodb.uri", () -> "mongodb://127.0.0.1:" + TO_MONGO.port() + "/storage-faults");
    registry.add("storage.mongodb.server-selection-timeout", () -> "2s");
  }

  @Autowired
  ApplicationStore applications;

  private String instance;

  @BeforeEach
  void anInstanceMadeWhileAllIsWell() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    StorageHttp.Response created = http.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    instance = "/storage/api/v1/instances/" + created.json().get("id").asString();
  }

  @AfterEach
  void heal() {
    TO_MONGO.heal();
  }

  @Test
  void aCutDatabaseAnswers503WithinSecondsWritesNothingAndHeals() {
    TO_MONGO.cut();

    assertUnavailableWithin(FAST, () -> http.get(instance));
    assertUnavailableWithin(FAST, () -> http.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))));
    assertUnavailableWithin(FAST, () -> http.send("POST", instance + "/data?dataType=default", "<a/>", "application/xml"));
    assertUnavailableWithin(FAST, () -> http.get("/storage/api/v1/instances?org=ttd"));

    TO_MONGO.heal();
    assertThat(http.get(instance + "/dataelements").json().get("dataElements")).isEmpty();
    assertThat(http.get("/storage/api/v1/instances?org=ttd").json().get("totalHits").asLong()).isEqualTo(1);
    assertThat(http.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).status()).isEqualTo(201);
  }

  @Test
  void aResetDatabaseConnectionAnswers503AndHeals() {
    TO_MONGO.reset();

    assertUnavailableWithin(FAST, () -> http.get(instance));
    assertUnavailableWithin(FAST, () -> http.delete(instance));

    TO_MONGO.heal();
    StorageHttp.Response read = http.get(instance);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().at("/status/isSoftDeleted").asBoolean()).isFalse();
  }

  private static MongoServer startMongo() {
    MongoServer server = new MongoServer(EmulatorBackends.inMemory());
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    return server;
  }
}
