package no.instanceplatform.storage.support;

import no.instanceplatform.testkit.Azurite;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Azurite's blob service ({@link Azurite}), started for one test class and stopped after it:
 *
 * <pre>{@code @RegisterExtension static final AzuriteExtension azurite = new AzuriteExtension();}</pre>
 *
 * <p>Without Azurite installed the class is skipped, except with {@code CI=true} ({@link Azurite#requireForTest()}).
 */
public final class AzuriteExtension implements BeforeAllCallback, AfterAllCallback {

  public static final String ACCOUNT_NAME = Azurite.ACCOUNT_NAME;
  public static final String ACCOUNT_KEY = Azurite.ACCOUNT_KEY;

  private Azurite azurite;

  /** A connection string of the development account on this instance. */
  public String connectionString() {
    return azurite.connectionString();
  }

  /** The port of the blob service. */
  public int port() {
    return azurite.port();
  }

  /** The account's blob endpoint, {@code http://127.0.0.1:{port}/devstoreaccount1}. */
  public String blobEndpoint() {
    return azurite.blobEndpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Azurite.requireForTest();
    azurite = Azurite.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (azurite != null) {
      azurite.close();
      azurite = null;
    }
  }
}
