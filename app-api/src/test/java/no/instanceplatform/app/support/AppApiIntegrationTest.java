package no.instanceplatform.app.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the App API's integration tests: the App API on a random port, talking over real HTTP to one real Storage
 * shared by every test class (started once in this JVM, so Spring reuses one App API context for all of them), with
 * the sample app {@code test/sailor} registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=false")
public abstract class AppApiIntegrationTest extends AppApiTestSupport {

  @DynamicPropertySource
  static void storageProperties(DynamicPropertyRegistry registry) {
    registry.add("app.storage-url", STORAGE::apiUrl);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", STORAGE::issuerUri);
  }
}
