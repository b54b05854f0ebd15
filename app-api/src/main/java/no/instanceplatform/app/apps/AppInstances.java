package no.instanceplatform.app.apps;

import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceJson;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import org.springframework.stereotype.Component;

/** Reads an instance through an app's endpoints: Storage decides whether the caller may see it, the app whether it is its own. */
@Component
public class AppInstances {

  private final InstanceClient instances;

  AppInstances(InstanceClient instances) {
    this.instances = instances;
  }

  /** The instance; one of another app is not found here, as in app-lib. */
  public Instance get(Application app, InstanceRef ref, String token) {
    Instance instance = instances.get(ref, token);
    requireOwn(app, ref, instance.appId());
    return instance;
  }

  /** Like {@link #get}, the instance as Storage wrote it, to be passed on unchanged. */
  public InstanceJson getJson(Application app, InstanceRef ref, String token) {
    InstanceJson instance = instances.getJson(ref, token);
    requireOwn(app, ref, instance.appId());
    return instance;
  }

  private static void requireOwn(Application app, InstanceRef ref, String appId) {
    if (!app.id().equals(appId)) {
      throw AppRuleException.notFound("Instance " + ref + " is not an instance of " + app.id() + ".");
    }
  }
}
