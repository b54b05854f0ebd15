package no.instanceplatform.storage.applications.mongo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataType;
import no.instanceplatform.storage.applications.mongo.ApplicationDocument.DataTypeDocument;
import no.instanceplatform.storage.applications.mongo.ApplicationDocument.Entry;

/** Maps between the wire application and its persisted document, explicitly. */
final class ApplicationMapping {

  private ApplicationMapping() {}

  static ApplicationDocument toDocument(Application application) {
    return new ApplicationDocument(
        application.id(),
        application.versionId(),
        application.org(),
        application.app(),
        millis(application.created()),
        application.createdBy(),
        millis(application.lastChanged()),
        application.lastChangedBy(),
        toEntries(application.title()),
        application.processId(),
        millis(application.validFrom()),
        millis(application.validTo()),
        application.maxSize(),
        application.dataTypes() == null ? null
            : application.dataTypes().stream().map(ApplicationMapping::toDocument).toList(),
        application.partyTypesAllowed(),
        application.autoDeleteOnProcessEnd(),
        application.presentationFields(),
        application.dataFields(),
        application.copyInstanceSettings(),
        application.preventInstanceDeletionForDays());
  }

  static Application toApplication(ApplicationDocument document) {
    return new Application(
        document.id(),
        document.versionId(),
        document.org(),
        document.app(),
        document.created(),
        document.createdBy(),
        document.lastChanged(),
        document.lastChangedBy(),
        toMap(document.title()),
        document.processId(),
        document.validFrom(),
        document.validTo(),
        document.maxSize(),
        document.dataTypes() == null ? null
            : document.dataTypes().stream().map(ApplicationMapping::toDataType).toList(),
        document.partyTypesAllowed(),
        document.autoDeleteOnProcessEnd(),
        document.presentationFields(),
        document.dataFields(),
        document.copyInstanceSettings(),
        document.preventInstanceDeletionForDays());
  }

  private static DataTypeDocument toDocument(DataType type) {
    return new DataTypeDocument(type.id(), toEntries(type.description()), type.allowedContentTypes(),
        type.allowedContributers(), type.taskId(), type.appLogic(), type.maxSize(), type.maxCount(),
        type.minCount());
  }

  private static DataType toDataType(DataTypeDocument type) {
    return new DataType(type.id(), toMap(type.description()), type.allowedContentTypes(),
        type.allowedContributers(), type.taskId(), type.appLogic(), type.maxSize(), type.maxCount(),
        type.minCount());
  }

  /** MongoDB keeps milliseconds; truncating first makes what a write answers equal what a read returns. */
  static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static List<Entry> toEntries(Map<String, String> map) {
    return map == null ? null : map.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
  }

  private static Map<String, String> toMap(List<Entry> entries) {
    if (entries == null) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.key(), e.value()));
    return map;
  }
}
