package no.instanceplatform.app.storageclient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health component {@code storage}: up when Storage's own health endpoint answers 200. */
@Component("storageHealthIndicator")
class StorageHealthIndicator extends AbstractHealthIndicator {

  private final StorageClient storage;

  StorageHealthIndicator(StorageClient storage) {
    super("Storage health check failed");
    this.storage = storage;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    (storage.healthy() ? builder.up() : builder.down()).withDetail("url", storage.location());
  }
}
