package no.instanceplatform.storage.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import no.instanceplatform.model.Application;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application store as every feature sees it: the adapter's, with each app's metadata remembered for
 * {@link ApplicationsProperties#cacheTtl()}. A create, every data write and the events of an app read the metadata,
 * which changes only at deploy; reading it from the store was a quarter of a create's CPU time. Writes go to the
 * adapter and then forget the app, so a replica never answers from what it had before its own write; another
 * replica may, for at most the TTL. Absence is not remembered: an app deployed through another replica can be used
 * at once. Lists are not cached (the message box and the list endpoints are not hot paths).
 */
@Primary
@Component
class CachedApplicationStore implements ApplicationStore {

  /** Far more apps than a platform hosts; a full cache is emptied rather than evicted entry by entry. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Application application, Instant until) {}

  private final ApplicationStore database;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cached = new ConcurrentHashMap<>();
  /** Counts this replica's writes, so that a read that raced with one does not cache what it found. */
  private final AtomicLong writes = new AtomicLong();

  /** {@code database} is the adapter: Spring does not inject a bean into itself while another candidate exists. */
  CachedApplicationStore(ApplicationStore database, ApplicationsProperties properties, Clock clock) {
    this.database = database;
    this.ttl = properties.cacheTtl();
    this.clock = clock;
  }

  @Override
  public Optional<Application> find(AppId appId) {
    Instant now = clock.instant();
    String key = appId.toString();
    Entry entry = cached.get(key);
    if (entry != null && now.isBefore(entry.until())) {
      return Optional.of(entry.application());
    }
    long writesBefore = writes.get();
    Optional<Application> found = database.find(appId);
    if (found.isPresent() && ttl.isPositive()) {
      if (cached.size() >= MAX_ENTRIES) {
        cached.clear();
      }
      Entry fresh = new Entry(found.get(), now.plus(ttl));
      cached.put(key, fresh);
      // A write may have forgotten the app between our read and our put, leaving the old metadata behind.
      if (writes.get() != writesBefore) {
        cached.remove(key, fresh);
      }
    }
    return found;
  }

  @Override
  public List<Application> findAll(String org) {
    return database.findAll(org);
  }

  @Override
  public Application upsert(Application application) {
    return forgettingAfter(application.id(), () -> database.upsert(application));
  }

  @Override
  public Optional<Application> replace(Application application) {
    return forgettingAfter(application.id(), () -> database.replace(application));
  }

  @Override
  public Optional<Application> expire(AppId appId, Instant validTo, String changedBy) {
    return forgettingAfter(appId.toString(), () -> database.expire(appId, validTo, changedBy));
  }

  @Override
  public Optional<Application> remove(AppId appId) {
    return forgettingAfter(appId.toString(), () -> database.remove(appId));
  }

  /** Also after a failed write: it may have been applied before the failure reached us. */
  private <T> T forgettingAfter(String appId, Supplier<T> write) {
    try {
      return write.get();
    } finally {
      writes.incrementAndGet();
      cached.remove(appId);
    }
  }
}
