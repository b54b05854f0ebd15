package no.instanceplatform.storage.applications.mongo;

import java.time.Instant;
import java.util.List;
import no.instanceplatform.model.ApplicationLogic;
import no.instanceplatform.model.CopyInstanceSettings;
import no.instanceplatform.model.DataField;
import no.instanceplatform.model.PartyTypesAllowed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The persisted application, keyed by {@code org/app}. Language-keyed maps (title, descriptions) are stored as
 * entry lists, since a client's key may contain characters MongoDB does not allow in field names.
 */
@Document("applications")
record ApplicationDocument(
    @Id String id,
    String versionId,
    String org,
    String app,
    Instant created,
    String createdBy,
    Instant lastChanged,
    String lastChangedBy,
    List<Entry> title,
    String processId,
    Instant validFrom,
    Instant validTo,
    Long maxSize,
    List<DataTypeDocument> dataTypes,
    PartyTypesAllowed partyTypesAllowed,
    boolean autoDeleteOnProcessEnd,
    List<DataField> presentationFields,
    List<DataField> dataFields,
    CopyInstanceSettings copyInstanceSettings,
    Integer preventInstanceDeletionForDays) {

  static final String ORG = "org";
  static final String CREATED = "created";
  static final String CREATED_BY = "createdBy";
  static final String LAST_CHANGED = "lastChanged";
  static final String LAST_CHANGED_BY = "lastChangedBy";
  static final String VALID_TO = "validTo";

  /** One key and value of a language-keyed map. */
  record Entry(String key, String value) {}

  /** A persisted data type; see {@link no.instanceplatform.model.DataType}. */
  record DataTypeDocument(
      String id,
      List<Entry> description,
      List<String> allowedContentTypes,
      List<String> allowedContributers,
      String taskId,
      ApplicationLogic appLogic,
      Integer maxSize,
      int maxCount,
      int minCount) {}
}
