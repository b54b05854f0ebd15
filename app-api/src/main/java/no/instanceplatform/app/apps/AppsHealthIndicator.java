package no.instanceplatform.app.apps;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code apps}: how many apps are hosted and how many are registered in Storage. Always up:
 * registering is retried in the background, and the {@code storage} component already says when Storage is down.
 */
@Component("appsHealthIndicator")
class AppsHealthIndicator extends AbstractHealthIndicator {

  private final AppRegistry registry;

  AppsHealthIndicator(AppRegistry registry) {
    super("Apps health check failed");
    this.registry = registry;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("hosted", registry.all().size()).withDetail("registered", registry.registeredCount());
  }
}
