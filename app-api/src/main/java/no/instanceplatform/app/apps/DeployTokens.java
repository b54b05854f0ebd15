package no.instanceplatform.app.apps;

import no.instanceplatform.app.AppProperties;
import no.instanceplatform.app.storageclient.StorageClient;
import org.springframework.stereotype.Component;

/** The {@code altinn:appdeploy} token an app's metadata is registered with: configured, or from the local platform. */
@Component
class DeployTokens {

  static final String SCOPE = "altinn:appdeploy";

  private final AppProperties properties;
  private final StorageClient storage;

  DeployTokens(AppProperties properties, StorageClient storage) {
    this.properties = properties;
    this.storage = storage;
  }

  /** Fetched per registration rather than kept: test tokens expire, and registering is rare. */
  String forOrg(String org) {
    if (properties.deployToken() != null && !properties.deployToken().isBlank()) {
      return properties.deployToken();
    }
    if (properties.localPlatform()) {
      return storage.localOrgToken(org, SCOPE);
    }
    throw new IllegalStateException("No deploy token for org '" + org + "': set app.deploy-token, or turn on "
        + "app.local-platform when Storage runs its local platform.");
  }
}
