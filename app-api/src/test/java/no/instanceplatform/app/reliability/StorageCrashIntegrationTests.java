package no.instanceplatform.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Storage is killed ({@code kill -9}) again and again in the middle of a mixed load through the App API (creates
 * with files, uploads, process moves, deletions), and started again each time on the same files and store. Then
 * every promise of a 2xx answer is audited as after {@link LoadAuditIntegrationTests}, with what a 5xx left in doubt
 * accepted either way; no instance is left that no answer promised (the App API deletes what a failed create made,
 * finding a create whose answer was lost by its idempotency key, once Storage is back); and the cleanup removes
 * every file and temporary file the crashes left without metadata, and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=false")
@DirtiesContext
class StorageCrashIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(StorageCrashIntegrationTests.class);

  /** Pending events are delivered by the outbox sweep after a crash; every second here, so the audit need not wait. */
  private static final String SWEEP = "--storage.events.outbox-sweep-interval=PT1S";
  private static final Path DIR = Path.of("target", "crash-storage");
  private static final CrashableStorage STORAGE = startFresh();

  private static final int CLIENTS = Integer.getInteger("crash.clients", 16);
  private static final int CRASHES = Integer.getInteger("crash.count", 2);
  private static final Duration UP = Duration.ofSeconds(8);
  private static final Duration DOWN = Duration.ofSeconds(1);
  private static final Duration SETTLE = Duration.ofSeconds(90);
  /** A data blob's path ends with its instance's guid and its own: {@code .../{instance}/data/{element}}. */
  private static final Pattern DATA_BLOB = Pattern.compile(".*/([0-9a-f-]{36})/data/([0-9a-f-]{36})");

  /** What the crashes left in the blob store: files without metadata and temporary files of interrupted writes. */
  record Leftovers(List<String> orphans, List<String> partials, int files) {

    boolean none() {
      return orphans.isEmpty() && partials.isEmpty();
    }
  }

  @LocalServerPort
  private int port;

  @Autowired
  private MeterRegistry meters;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("app.storage-url", STORAGE::apiUrl);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", STORAGE::issuerUri);
  }

  @AfterAll
  static void stopStorage() {
    STORAGE.close();
  }

  @Test
  void storageKilledMidLoadKeepsEveryPromiseAndTheCleanupRemovesWhatTheCrashesLeft() throws Exception {
    AppHttp app = new AppHttp("http://localhost:" + port, token("/Home/GetTestUserToken/1337?authenticationLevel=2"));
    AppHttp owner = new AppHttp(STORAGE.root(), token("/Home/GetTestOrgToken/test"));
    awaitUntil("the App API registered the sample app", Duration.ofSeconds(30),
        () -> owner.get("/storage/api/v1/applications/test/sailor").status() == 200);
    Ledger ledger = new Ledger();
    Instant started = Instant.now();

    AtomicBoolean loading = new AtomicBoolean(true);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        LoadClient client = new LoadClient(i, app, owner, ledger);
        clients.add(threads.submit(() -> client.runWhile(loading::get)));
      }
      for (int crash = 0; crash < CRASHES; crash++) {
        Thread.sleep(UP);
        STORAGE.kill();
        Thread.sleep(DOWN);
        STORAGE.restart(SWEEP);
      }
      Thread.sleep(UP);
      loading.set(false);
      for (Future<?> client : clients) {
        client.get();
      }
    }
    Duration took = Duration.between(started, Instant.now());
    awaitUntil("the App API deleted the instances it abandoned", SETTLE,
        () -> meters.get("app.instances.abandoned.pending").gauge().value() == 0);
    Thread.sleep(Duration.ofSeconds(3));

    Audit.Result audit = new Audit(owner).run(ledger);
    List<String> unpromised = unpromisedInstances(owner, ledger);

    // Counted at rest: no load, and Storage down, so nothing moves while the files and the store are compared.
    STORAGE.kill();
    Leftovers left = leftovers();
    log.info("Left by the crashes: {}", left);
    STORAGE.restart(SWEEP, "--storage.cleanup.orphan-grace=PT1S", "--storage.cleanup.orphan-interval=PT2S");
    awaitUntil("the cleanup removed what the crashes left", SETTLE, () -> {
      try {
        return leftovers().none();
      } catch (UncheckedIOException fileRemovedWhileCounted) {
        return false;
      }
    });
    Leftovers after = leftovers();
    Audit.Result again = new Audit(owner).run(ledger);

    log.info("Crashes: {} kill -9 of Storage under load ({} clients, {} s, {} requests), statuses {}, by operation {}",
        CRASHES, CLIENTS, took.toSeconds(), ledger.requests(), ledger.statuses, ledger.operations);
    log.info("Audit: {} instances, {} data elements, {} files by SHA-256, {} element events, {} refused creates, "
        + "creates in doubt {}, instances no answer promised {}, lost: {}", audit.instances(), audit.elements(),
        audit.blobs(), audit.events(), audit.refusedChecked(), ledger.createsInDoubt, unpromised.size(),
        audit.lost().size());
    log.info("Left by the crashes: {} files without metadata, {} temporary files, of {} files; after the cleanup: "
        + "{} and {}, of {} files; audit again, lost: {}", left.orphans().size(), left.partials().size(),
        left.files(), after.orphans().size(), after.partials().size(), after.files(), again.lost().size());
    assertThat(audit.lost()).isEmpty();
    assertThat(ledger.count(500, 502) + ledger.count(504, 599)).as("5xx other than 503").isZero();
    assertThat(ledger.count(503, 503)).as("the crashes were felt").isPositive();
    assertThat(audit.instances()).isPositive();
    assertThat(unpromised).as("instances no answer promised").isEmpty();
    assertThat(after.none()).isTrue();
    assertThat(again.lost()).as("the cleanup removed nothing a promise needs").isEmpty();
  }

  private static CrashableStorage startFresh() {
    ServiceProcess.deleteRecursively(DIR);
    return CrashableStorage.start(DIR, SWEEP);
  }

  private static String token(String path) {
    AppHttp.Response response = new AppHttp(STORAGE.root(), null).get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.text().strip();
  }

  /** The sample app's instances in Storage, not hard-deleted, that no 2xx answer promised. */
  private static List<String> unpromisedInstances(AppHttp owner, Ledger ledger) {
    List<String> unpromised = new ArrayList<>();
    String page = "/storage/api/v1/instances?appId=test/sailor&status.isHardDeleted=false&size=100";
    while (page != null) {
      AppHttp.Response response = owner.get(page);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      for (JsonNode instance : response.json().get("instances")) {
        String id = instance.get("id").asString();
        if (!ledger.instances.containsKey(id)) {
          unpromised.add(id);
        }
      }
      JsonNode next = response.json().path("next");
      page = next.isNull() || next.isMissingNode() ? null : AppHttp.pathOf(next.asString());
    }
    return unpromised;
  }

  /**
   * Compares the blob files with the store directly (the driver on the emulator), not through Storage: a data
   * blob has metadata when its instance's document lists a data element with its id (stored as {@code _id}: Spring
   * Data maps a nested object's {@code id} so).
   */
  private static Leftovers leftovers() {
    List<String> orphans = new ArrayList<>();
    List<String> partials = new ArrayList<>();
    int files = 0;
    try (MongoClient mongo = MongoClients.create(STORAGE.mongoUri());
        Stream<Path> paths = Files.exists(STORAGE.blobs()) ? Files.walk(STORAGE.blobs()) : Stream.empty()) {
      for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files++;
        String name = file.toString().replace('\\', '/');
        Matcher blob = DATA_BLOB.matcher(name);
        if (name.endsWith(".partial")) {
          partials.add(name);
        } else if (blob.matches() && mongo.getDatabase("storage").getCollection("instances")
            .find(Filters.and(Filters.eq("_id", blob.group(1)), Filters.eq("data._id", blob.group(2))))
            .first() == null) {
          orphans.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Leftovers(orphans, partials, files);
  }

  private static void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
      }
      ServiceProcess.sleep(250);
    }
  }
}
