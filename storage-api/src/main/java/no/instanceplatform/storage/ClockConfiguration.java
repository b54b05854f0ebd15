package no.instanceplatform.storage;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp Storage sets. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** Millisecond ticks: MongoDB keeps milliseconds, so what we answer equals what we later read back. */
  @Bean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }
}
