package no.instanceplatform.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded load with an audit: C clients (default 16, {@code -Dload.clients}) for a fixed time (default 20 s,
 * {@code -Dload.duration=PT5M} for the long run of {@code bench/load}) create instances with files through the App
 * API, move them through the process, upload, read, query and delete, mixed. Then every promise of a 2xx answer is
 * checked against what Storage holds, and every refused request against what it left: nothing may be lost.
 */
class LoadAuditIntegrationTests extends AppApiIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(LoadAuditIntegrationTests.class);

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @Test
  void everyPromiseOfAMixedLoadIsKeptAndNoRefusedRequestLeavesAnything() throws Exception {
    int clients = Integer.getInteger("load.clients", 16);
    Duration duration = Duration.parse(System.getProperty("load.duration", "PT20S"));
    Ledger ledger = new Ledger();
    AppHttp storage = storageAsAppOwner("test");
    Instant started = Instant.now();
    Instant deadline = started.plus(duration);
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        LoadClient client = new LoadClient(i, sophie(), storage, ledger);
        running.add(threads.submit(() -> client.runWhile(() -> Instant.now().isBefore(deadline))));
      }
      for (Future<?> client : running) {
        client.get();
      }
    }
    Duration took = Duration.between(started, Instant.now());

    Audit.Result audit = new Audit(storage).run(ledger);

    log.info("Load: {} clients, {} s, {} requests ({} per s), statuses {}, by operation {}, {} bytes uploaded",
        clients, took.toSeconds(), ledger.requests(), ledger.requests() / Math.max(1, took.toSeconds()),
        ledger.statuses, ledger.operations, ledger.bytesUploaded);
    log.info("Audit: {} instances, {} data elements, {} files by SHA-256, {} element events, {} refused creates, "
        + "lost: {}", audit.instances(), audit.elements(), audit.blobs(), audit.events(), audit.refusedChecked(),
        audit.lost().size());
    assertThat(audit.lost()).isEmpty();
    assertThat(ledger.count(500, 502) + ledger.count(504, 599)).as("5xx other than 503").isZero();
    assertThat(ledger.count(200, 299)).isPositive();
    assertThat(audit.instances()).isPositive();
    assertThat(audit.refusedChecked()).isPositive();
  }
}
