package no.instanceplatform.app.instances;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.app.storageclient.StorageUnavailableException;
import no.instanceplatform.model.Instance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hard-deletes instances whose instantiation failed after Storage created them, or may have: a create whose answer
 * was lost is sent again with its idempotency key to learn the instance. When Storage cannot be reached at
 * that moment (the very fault that failed the instantiation, often), the deletion is tried again in the background,
 * with growing pauses, until Storage answers or {@link #GIVE_UP_AFTER} has passed: a fault that heals leaves no
 * half-made instance behind.
 */
@Component
class AbandonedInstances implements DisposableBean {

  static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);
  static final String PENDING_GAUGE = "app.instances.abandoned.pending";

  private static final Logger log = LoggerFactory.getLogger(AbandonedInstances.class);

  private final InstanceClient instances;
  private final ExecutorService retries = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger pending = new AtomicInteger();

  /** The gauge tells operators (and the crash test) how many deletions still wait for Storage. */
  AbandonedInstances(InstanceClient instances, MeterRegistry meters) {
    this.instances = instances;
    Gauge.builder(PENDING_GAUGE, pending, AtomicInteger::get)
        .description("Instances whose instantiation failed, still to be deleted when Storage answers")
        .register(meters);
  }

  /** Deletes the instance now, or keeps trying in the background; the failure is what the caller is told. */
  RuntimeException remove(InstanceRef ref, String token, RuntimeException failure) {
    return removeSoon("Instance " + ref, () -> instances.delete(ref, true, token), failure);
  }

  /**
   * The create itself went unanswered: Storage may or may not have made the instance. Sending the create again with
   * its idempotency key answers the instance if it was made (and makes it if not, or if the first is still on its
   * way), which is then deleted: either way, no instance of this create is left.
   */
  RuntimeException removeUnanswered(String appId, Instance template, String idempotencyKey, String token,
      RuntimeException failure) {
    return removeSoon("The instance of create " + idempotencyKey, () -> instances.delete(
        InstanceRef.parse(instances.create(appId, template, token, idempotencyKey).id()), true, token), failure);
  }

  private RuntimeException removeSoon(String what, Runnable removal, RuntimeException failure) {
    try {
      removal.run();
    } catch (StorageUnavailableException e) {
      log.warn("{} failed to start and Storage is unavailable; deleting it in the background", what);
      pending.incrementAndGet();
      retries.submit(() -> {
        try {
          retry(what, removal);
        } finally {
          pending.decrementAndGet();
        }
      });
    } catch (RuntimeException e) {
      log.error("{} failed to start and could not be deleted: it stays as it is", what, e);
      failure.addSuppressed(e);
    }
    return failure;
  }

  private void retry(String what, Runnable removal) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    Duration pause = FIRST_PAUSE;
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause);
        removal.run();
        log.info("{} that failed to start is deleted", what);
        return;
      } catch (StorageUnavailableException e) {
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("{} that failed to start could not be deleted: it stays as it is", what, e);
        return;
      }
    }
    log.error("{} that failed to start could not be deleted within {}: it stays as it is", what, GIVE_UP_AFTER);
  }

  @Override
  public void destroy() {
    retries.shutdownNow();
  }
}
