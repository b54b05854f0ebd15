package no.instanceplatform.storage.cleanup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.events.InstanceEventStore;
import no.instanceplatform.storage.instances.InstancePage;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.Keyset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes deleted instances for good, in an order that survives a failure at any step: first the files (all blobs
 * under the instance), then the metadata, then (for apps that delete on process end) the events. A failed step
 * leaves the instance record in place, so the next run tries again. One replica at a time runs it (ShedLock).
 */
@Component
public class InstanceCleanup {

  private static final Logger log = LoggerFactory.getLogger(InstanceCleanup.class);
  private static final int PAGE = 200;

  private final InstanceStore instances;
  private final BlobStore blobs;
  private final InstanceEventStore events;
  private final ApplicationStore applications;
  private final CleanupProperties properties;
  private final CleanupEligibility eligibility;
  private final Clock clock;

  InstanceCleanup(InstanceStore instances, BlobStore blobs, InstanceEventStore events,
      ApplicationStore applications, CleanupProperties properties, Clock clock) {
    this.instances = instances;
    this.blobs = blobs;
    this.events = events;
    this.applications = applications;
    this.properties = properties;
    this.eligibility = new CleanupEligibility(properties);
    this.clock = clock;
  }

  /** What one run did. */
  public record Report(int removed, int failed) {}

  @Scheduled(initialDelayString = "${storage.cleanup.interval:PT10M}",
      fixedDelayString = "${storage.cleanup.interval:PT10M}")
  @SchedulerLock(name = "instance-cleanup", lockAtMostFor = "PT1H")
  void scheduled() {
    if (properties.enabled()) {
      Report report = run();
      if (report.removed() > 0 || report.failed() > 0) {
        log.info("Cleanup removed {} deleted instance(s); {} will be retried", report.removed(), report.failed());
      }
    }
  }

  /** Removes every eligible instance now. */
  public Report run() {
    Instant now = clock.instant();
    int removed = 0;
    int failed = 0;
    for (InstanceQuery deleted : deletedInstances()) {
      Keyset after = null;
      InstancePage page;
      do {
        page = instances.find(deleted, after, PAGE);
        for (Instance instance : page.instances()) {
          if (!eligibility.eligible(instance, now)) {
            continue;
          }
          if (remove(instance)) {
            removed++;
          } else {
            failed++;
          }
        }
        if (page.more()) {
          after = Keyset.of(page.instances().getLast());
        }
      } while (page.more());
    }
    return new Report(removed, failed);
  }

  private boolean remove(Instance instance) {
    try {
      blobs.deleteByPrefix(instance.org(), instance.appId() + "/" + instance.instanceGuid() + "/");
      instances.remove(instance.instanceGuid());
      boolean deleteEvents = applications.find(AppId.parse(instance.appId()))
          .map(application -> application.autoDeleteOnProcessEnd()).orElse(false);
      if (deleteEvents) {
        events.deleteAll(instance.id());
      }
      return true;
    } catch (RuntimeException e) {
      log.warn("Removing instance {} failed; the next run retries: {}", instance.id(), e.toString());
      return false;
    }
  }

  /** Hard-deleted instances, and soft-deleted ones when they have a retention. */
  private List<InstanceQuery> deletedInstances() {
    InstanceQuery hard = query(true, null);
    return properties.softDeletedRetention() == null ? List.of(hard) : List.of(hard, query(false, true));
  }

  private static InstanceQuery query(Boolean hardDeleted, Boolean softDeleted) {
    return new InstanceQuery(null, null, null, null, null, null, null, null, null, null, null, null, softDeleted,
        hardDeleted, null, true);
  }
}
