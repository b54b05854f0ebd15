package no.instanceplatform.app.process;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process engine as a bean, on the system clock in UTC (the engine itself takes any clock, for its tests). */
@Configuration(proxyBeanMethods = false)
class ProcessConfiguration {

  @Bean
  ProcessEngine processEngine() {
    return new ProcessEngine(Clock.systemUTC());
  }
}
