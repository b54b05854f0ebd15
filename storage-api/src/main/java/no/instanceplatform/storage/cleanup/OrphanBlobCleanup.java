package no.instanceplatform.storage.cleanup;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.blob.BlobStore.StoredBlob;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.StoredInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash between a blob's write and its metadata's leaves behind: data blobs
 * ({@code {org}/{app}/{instanceGuid}/data/{dataGuid}}) that no data element of their instance points at, and the
 * temporary files of interrupted writes, once older than a grace period (an upload writes its blob first and its
 * metadata a moment later). Blobs whose names Storage does not make are never touched. One replica at a time runs
 * it (ShedLock), apart from the removal of deleted instances because it lists the whole store.
 */
@Component
public class OrphanBlobCleanup {

  private static final Logger log = LoggerFactory.getLogger(OrphanBlobCleanup.class);
  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern DATA_BLOB = Pattern.compile("([^/]+)/[^/]+/(" + GUID + ")/data/(" + GUID + ")");

  private final BlobStore blobs;
  private final InstanceStore instances;
  private final CleanupProperties properties;
  private final Clock clock;

  OrphanBlobCleanup(BlobStore blobs, InstanceStore instances, CleanupProperties properties, Clock clock) {
    this.blobs = blobs;
    this.instances = instances;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one sweep removed. */
  public record Report(int orphanBlobs, int abandonedWrites) {}

  @Scheduled(initialDelayString = "${storage.cleanup.orphan-interval:PT6H}",
      fixedDelayString = "${storage.cleanup.orphan-interval:PT6H}")
  @SchedulerLock(name = "orphan-blob-cleanup", lockAtMostFor = "PT6H")
  void scheduled() {
    if (properties.enabled()) {
      Report report = run();
      if (report.orphanBlobs() > 0 || report.abandonedWrites() > 0) {
        log.info("Cleanup removed {} blob(s) without metadata and {} temporary file(s) of interrupted writes",
            report.orphanBlobs(), report.abandonedWrites());
      }
    }
  }

  /** Sweeps now, for what was last written more than the grace period ago. */
  public Report run() {
    Instant cutoff = clock.instant().minus(properties.orphanGrace());
    int abandoned = blobs.removeAbandonedWrites(cutoff);
    int orphans = 0;
    LastInstance last = new LastInstance();
    try (Stream<StoredBlob> old = blobs.list(cutoff)) {
      for (StoredBlob blob : (Iterable<StoredBlob>) old::iterator) {
        Matcher name = DATA_BLOB.matcher(blob.name());
        if (name.matches() && name.group(1).equals(blob.org())
            && !pointedAt(blob, last.find(name.group(2)), name.group(3)) && blobs.delete(blob.org(), blob.name())) {
          orphans++;
        }
      }
    }
    return new Report(orphans, abandoned);
  }

  /** A blob path starts with the app id, and so with its org: the path alone says whose store holds it. */
  private static boolean pointedAt(StoredBlob blob, Optional<Instance> instance, String dataGuid) {
    return instance.filter(found -> found.data() != null)
        .map(found -> found.data().stream().anyMatch(element -> dataGuid.equals(element.id())
            && blob.name().equals(element.blobStoragePath())))
        .orElse(false);
  }

  /** The blobs of an instance are listed together, so the instance last read is usually the next one wanted. */
  private final class LastInstance {

    private String guid;
    private Optional<Instance> instance = Optional.empty();

    Optional<Instance> find(String instanceGuid) {
      if (!instanceGuid.equals(guid)) {
        guid = instanceGuid;
        instance = instances.find(instanceGuid).map(StoredInstance::instance);
      }
      return instance;
    }
  }
}
