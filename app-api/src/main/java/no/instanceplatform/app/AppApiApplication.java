package no.instanceplatform.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import no.instanceplatform.web.PlatformWebConfiguration;

/** The App API: a generic Altinn app runtime that keeps nothing itself and proxies instances to Storage. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformWebConfiguration.class)
public class AppApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(AppApiApplication.class, args);
  }
}
