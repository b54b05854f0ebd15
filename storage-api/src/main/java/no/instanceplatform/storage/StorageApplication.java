package no.instanceplatform.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import no.instanceplatform.web.PlatformWebConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Storage API: instances, data elements, events, applications and texts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(PlatformWebConfiguration.class)
public class StorageApplication {

  public static void main(String[] args) {
    SpringApplication.run(StorageApplication.class, args);
  }
}
