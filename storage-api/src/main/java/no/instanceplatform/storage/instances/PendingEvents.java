package no.instanceplatform.storage.instances;

import java.util.List;
import no.instanceplatform.model.InstanceEvent;

/** The undelivered events in an instance's outbox, with the app they belong to. */
public record PendingEvents(String appId, List<InstanceEvent> events) {

  public static PendingEvents none() {
    return new PendingEvents(null, List.of());
  }
}
