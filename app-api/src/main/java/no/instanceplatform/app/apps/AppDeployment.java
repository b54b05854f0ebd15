package no.instanceplatform.app.apps;

import jakarta.annotation.PreDestroy;
import java.util.List;
import no.instanceplatform.app.AppProperties;
import no.instanceplatform.app.storageclient.StorageClient;
import no.instanceplatform.model.TextResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers every hosted app's metadata and texts in Storage once the App API is up. In the background and retried
 * until Storage answers, so that the App API starts (and reports Storage down in its health) when Storage is late.
 */
@Component
class AppDeployment {

  private static final Logger log = LoggerFactory.getLogger(AppDeployment.class);

  private final AppRegistry registry;
  private final StorageClient storage;
  private final DeployTokens tokens;
  private final AppMetadataCache cache;
  private final AppProperties properties;
  private volatile Thread worker;

  AppDeployment(AppRegistry registry, StorageClient storage, DeployTokens tokens, AppMetadataCache cache,
      AppProperties properties) {
    this.registry = registry;
    this.storage = storage;
    this.tokens = tokens;
    this.cache = cache;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerInBackground() {
    worker = Thread.ofVirtual().name("app-deployment").start(this::registerAll);
  }

  /** A closed context must not keep calling Storage (tests start and stop several in one JVM). */
  @PreDestroy
  void stop() {
    Thread running = worker;
    if (running != null) {
      running.interrupt();
    }
  }

  void registerAll() {
    List<HostedApp> pending = List.copyOf(registry.all());
    int attempt = 0;
    while (!pending.isEmpty() && !Thread.currentThread().isInterrupted()) {
      attempt++;
      for (HostedApp app : pending) {
        try {
          register(app);
        } catch (RuntimeException e) {
          // Every attempt would say the same; the first and every tenth are enough to see that it keeps trying.
          if (attempt == 1 || attempt % 10 == 0) {
            log.warn("Could not register {} in Storage (attempt {}), trying again in {}: {}", app.id(), attempt,
                properties.deployRetryInterval(), e.getMessage());
          }
        }
      }
      pending = pending.stream().filter(app -> !registry.isRegistered(app)).toList();
      if (!pending.isEmpty() && !sleep()) {
        return;
      }
    }
  }

  private void register(HostedApp app) {
    String token = tokens.forOrg(app.org());
    storage.upsertApplication(app.id(), app.metadata(), token);
    for (TextResource texts : app.texts().values()) {
      storage.upsertTexts(app.id(), texts, token);
    }
    registry.markRegistered(app);
    cache.evict(app);
    log.info("Registered {} in Storage with texts in {}", app.id(), app.texts().keySet());
  }

  private boolean sleep() {
    try {
      Thread.sleep(properties.deployRetryInterval());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
