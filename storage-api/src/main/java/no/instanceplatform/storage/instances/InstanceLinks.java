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

  private static DataElement withLinks(DataElement d, String appsInstance, String platformInstance) {
    ResourceLinks links = new ResourceLinks(appsInstance + "/data/" + d.id(), platformInstance + "/data/" + d.id());
    return new DataElement(d.id(), d.instanceGuid(), d.dataType(), d.filename(), d.contentType(),
        d.blobStoragePath(), links, d.size(), d.locked(), d.refs(), d.tags(), d.created(), d.createdBy(),
        d.lastChanged(), d.lastChangedBy());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
