package no.instanceplatform.storage.instances.mongo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;

/** Maps between the wire instance and its persisted document, explicitly. */
final class InstanceMapping {

  private InstanceMapping() {}

  static InstanceDocument toDocument(Instance instance, long version, List<InstanceEvent> pendingEvents) {
    return new InstanceDocument(
        instance.instanceGuid(),
        instance.instanceOwner(),
        instance.appId(),
        instance.org(),
        instance.dueBefore(),
        instance.visibleAfter(),
        instance.process(),
        instance.status(),
        instance.completeConfirmations(),
        instance.data(),
        toEntries(instance.presentationTexts()),
        toEntries(instance.dataValues()),
        instance.created(),
        instance.createdBy(),
        instance.lastChanged(),
        instance.lastChangedBy(),
        version,
        pendingEvents);
  }

  static Instance toInstance(InstanceDocument document) {
    return new Instance(
        document.instanceOwner().partyId() + "/" + document.id(),
        document.instanceOwner(),
        document.appId(),
        document.org(),
        null,
        document.dueBefore(),
        document.visibleAfter(),
        document.process(),
        document.status(),
        document.completeConfirmations(),
        document.data() == null ? List.of() : document.data(),
        toMap(document.presentationTexts()),
        toMap(document.dataValues()),
        document.created(),
        document.createdBy(),
        document.lastChanged(),
        document.lastChangedBy());
  }

  private static List<InstanceDocument.Entry> toEntries(Map<String, String> map) {
    return map == null ? null
        : map.entrySet().stream().map(e -> new InstanceDocument.Entry(e.getKey(), e.getValue())).toList();
  }

  private static Map<String, String> toMap(List<InstanceDocument.Entry> entries) {
    if (entries == null) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.key(), e.value()));
    return map;
  }
}
