package no.instanceplatform.storage.instances.mongo;

import java.time.Instant;
import java.util.List;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The persisted instance. It is keyed by the instance guid (the owner's party id is a separate field, the
 * shard key in production), carries the version that conditional writes compare, and the outbox of events
 * written with the last changes. Client-keyed maps are stored as entry lists, since a client's key may contain
 * characters MongoDB does not allow in field names.
 */
@Document("instances")
record InstanceDocument(
    @Id String id,
    InstanceOwner instanceOwner,
    String appId,
    String org,
    Instant dueBefore,
    Instant visibleAfter,
    ProcessState process,
    InstanceStatus status,
    List<CompleteConfirmation> completeConfirmations,
    List<DataElement> data,
    List<Entry> presentationTexts,
    List<Entry> dataValues,
    Instant created,
    String createdBy,
    Instant lastChanged,
    String lastChangedBy,
    long version,
    List<InstanceEvent> pendingEvents) {

  static final String VERSION = "version";
  static final String PENDING_EVENTS = "pendingEvents";

  /** One key and value of a client-keyed map. */
  record Entry(String key, String value) {}
}
