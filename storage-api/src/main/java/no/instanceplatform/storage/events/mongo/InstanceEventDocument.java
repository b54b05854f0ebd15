package no.instanceplatform.storage.events.mongo;

import java.time.Instant;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.model.ProcessState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A persisted instance event, keyed by its id so that storing it again replaces it, with the app of its instance so
 * that an app's events can be listed.
 */
@Document("instanceEvents")
record InstanceEventDocument(
    @Id String id,
    String instanceId,
    String appId,
    String dataId,
    String eventType,
    Instant created,
    String instanceOwnerPartyId,
    PlatformUser user,
    ProcessState processInfo) {

  static InstanceEventDocument of(String appId, InstanceEvent e) {
    return new InstanceEventDocument(e.id(), e.instanceId(), appId, e.dataId(), e.eventType(), e.created(),
        e.instanceOwnerPartyId(), e.user(), e.processInfo());
  }

  InstanceEvent toEvent() {
    return new InstanceEvent(id, instanceId, dataId, eventType, created, instanceOwnerPartyId, user, processInfo);
  }
}
