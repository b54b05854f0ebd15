package no.instanceplatform.app.apps;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.instanceplatform.app.AppProperties;
import org.springframework.stereotype.Component;

/**
 * Application metadata and texts as last read from Storage, reused for a short while: they change only when an app
 * is deployed, and every request of an app needs them.
 */
@Component
class AppMetadataCache {

  private record Entry(Object value, Instant expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AppProperties properties;
  private final Clock clock = Clock.systemUTC();

  AppMetadataCache(AppProperties properties) {
    this.properties = properties;
  }

  /** The cached value of {@code key}, or the loaded one; a failed load is not cached, so the next call tries again. */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> load) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && entry.expires().isAfter(now)) {
      return (T) entry.value();
    }
    T value = load.get();
    entries.put(key, new Entry(value, now.plus(properties.metadataCacheTtl())));
    return value;
  }

  /** Forgets what was read of the app, so that a new registration is seen at once. */
  void evict(HostedApp app) {
    entries.keySet().removeIf(key -> key.equals(app.id()) || key.startsWith(app.id() + "/"));
  }
}
