package no.instanceplatform.storage.instances;

import java.util.List;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.ResourceLinks;
import no.instanceplatform.storage.StorageProperties;
import org.springframework.stereotype.Component;

/**
 * Adds the self links to instances and their data elements as they leave Storage. Links are not stored: they
 * follow the configured public URLs.
 */
@Component
public class InstanceLinks {

  private final String platformInstances;
  private final String appsBase;

  InstanceLinks(StorageProperties properties) {
    this.platformInstances = stripSlash(properties.platformBaseUrl()) + "/storage/api/v1/instances/";
    this.appsBase = stripSlash(properties.appsBaseUrl()) + "/";
  }

  public Instance withLinks(Instance instance) {
    String appsInstance = appsBase + instance.appId() + "/instances/" + instance.id();
    String platformInstance = platformInstances + instance.id();
    List<DataElement> data = instance.data() == null ? List.of()
        : instance.data().stream().map(d -> withLinks(d, appsInstance, platformInstance)).toList();
    return new Instance(instance.id(), instance.instanceOwner(), instance.appId(), instance.org(),
        new ResourceLinks(appsInstance, platformInstance), instance.dueBefore(), instance.visibleAfter(),
        instance.process(), instance.status(), instance.completeConfirmations(), data, instance.presentationTexts(),
        instance.dataValues(), instance.created(), instance.createdBy(), instance.lastChanged(),
        instance.lastChangedBy());
  }

  public StoredInstance withLinks(StoredInstance stored) {
    return new StoredInstance(withLinks(stored.instance()), stored.version());
  }

  /** A data element of the instance, with its links. */
  public DataElement withLinks(Instance instance, DataElement element) {
    return withLinks(element, appsBase + instance.appId() + "/instances/" + instance.id(),
        platformInstances + instance.id());
  }

  private static DataElement withLinks(DataElement d, String appsInstance, String platformInstance) {
    return d.withSelfLinks(
        new ResourceLinks(appsInstance + "/data/" + d.id(), platformInstance + "/data/" + d.id()));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
