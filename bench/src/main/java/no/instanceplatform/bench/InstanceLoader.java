package no.instanceplatform.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.storage.instances.InstanceStore;

/**
 * Writes the benchmark's instances through the store port, the way Storage itself stores them. The data set is
 * deterministic (a fixed seed): 14 of every 25 instances belong to party 501337 and, independently, 14 of every 25
 * to org ttd (five apps), so each of the two queries matches 56%; the rest belong to 200 other parties and org
 * test. {@code lastChanged} falls on whole minutes spread over N/3 minutes, so about three instances share each
 * millisecond and the guid tie-break decides much of the order.
 */
final class InstanceLoader {

  static final String ORG = "ttd";
  static final String PARTY = "501337";
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static final long SEED = 20240101L;
  private static final int BATCH = 1000;
  private static final String[] TEST_PARTIES = {"512345", "510001", "510002", "510003", "500000", "500700"};

  /** What was loaded: the order each query must answer in. */
  record Loaded(ExpectedOrder org, ExpectedOrder party, Duration took) {}

  private final InstanceStore store;
  private final PrintStream log;

  InstanceLoader(InstanceStore store, PrintStream log) {
    this.store = store;
    this.log = log;
  }

  /** A lower bound of the instances each query matches when {@code instances} are loaded. */
  static long matchesOfEachQuery(int instances) {
    return Math.min(instances / 25 * 14L, instances / 625 * 350L);
  }

  Loaded load(int instances) {
    long started = System.nanoTime();
    ExpectedOrder org = new ExpectedOrder();
    ExpectedOrder party = new ExpectedOrder();
    Random random = new Random(SEED);
    // The store writes one document per call; several writers in flight keep the database busy, and the permits
    // bound how many generated batches wait in memory.
    int writers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    Semaphore inFlight = new Semaphore(2 * writers);
    List<Future<?>> pending = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int from = 0; from < instances; from += BATCH) {
        List<Instance> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(from + BATCH, instances); i++) {
          Instance instance = instance(i, instances, random);
          batch.add(instance);
          if (instance.org().equals(ORG)) {
            org.add(instance.lastChanged().toEpochMilli(), instance.instanceGuid());
          }
          if (instance.instanceOwner().partyId().equals(PARTY)) {
            party.add(instance.lastChanged().toEpochMilli(), instance.instanceGuid());
          }
        }
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
          try {
            batch.forEach(instance -> store.insert(instance, List.of()));
          } finally {
            inFlight.release();
          }
        }));
        progress(from + batch.size(), instances, started);
      }
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Loading the instances failed", e);
    }
    return new Loaded(org, party, Duration.ofNanos(System.nanoTime() - started));
  }

  private static Instance instance(int i, int instances, Random random) {
    String owner = i % 25 < 14 ? PARTY : random.nextInt(100) < 6 ? TEST_PARTIES[random.nextInt(TEST_PARTIES.length)]
        : Integer.toString(600_000 + random.nextInt(194));
    boolean ttd = (i / 25) % 25 < 14;
    String appId = ttd ? "ttd/app-" + random.nextInt(5) : "test/app-" + random.nextInt(3);
    Instant lastChanged = START.plus(Duration.ofMinutes(random.nextInt(Math.max(1, instances / 3))));
    Instant created = lastChanged.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
    boolean ended = random.nextInt(10) == 0;
    ProcessState process = new ProcessState(created, "StartEvent_1",
        ended ? null : new ProcessElementInfo(2, created, "Task_" + (1 + random.nextInt(2)), "Utfylling", "data",
            null, null),
        ended ? lastChanged : null, ended ? "EndEvent_1" : null);
    InstanceStatus status = new InstanceStatus(ended, ended ? lastChanged : null, false, null, false, null,
        random.nextBoolean() ? ReadStatus.Read : ReadStatus.Unread, null);
    String guid = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L).toString();
    return new Instance(owner + "/" + guid, InstanceOwner.ofParty(owner), appId, ttd ? "ttd" : "test", null, null,
        created, process, status, List.of(), List.of(), null, null, created, "1337", lastChanged, "1337");
  }

  private void progress(int done, int instances, long started) {
    int step = Math.max(BATCH, instances / 10 / BATCH * BATCH);
    if (done % step == 0 || done == instances) {
      log.printf("  %,d of %,d instances handed to the store (%.0f s)%n", done, instances,
          (System.nanoTime() - started) / 1e9);
    }
  }
}
