package no.instanceplatform.app.data;

import no.instanceplatform.app.AppProperties;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The memory form data is held in while it is checked: a form must be well-formed before it is stored, so it is read
 * whole first. Without a budget a burst of large forms, or one over the heap, ran the App API out of memory: one JSON
 * form of 300 MB at {@code -Xmx256m} was answered 500.
 */
@Configuration(proxyBeanMethods = false)
class FormDataMemoryConfiguration {

  private static final long MIB = 1024 * 1024;

  @Bean
  MemoryBudget formDataMemory(AppProperties properties) {
    return properties.formDataMemory() == null
        ? MemoryBudget.quarterOfHeap(MIB, properties.formDataMemoryWait())
        : new MemoryBudget(properties.formDataMemory().toBytes(), properties.formDataMemoryWait());
  }
}
