package no.instanceplatform.storage.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.InstanceEvent;

/** Port to the instance events. */
public interface InstanceEventStore {

  /** Stores events by their id; storing an event again leaves one copy, so delivery may be retried. */
  void saveAll(Collection<InstanceEvent> events);

  /** The matching events of an instance ({@code partyId/guid}), oldest first. */
  List<InstanceEvent> find(String instanceId, EventFilter filter);

  Optional<InstanceEvent> findById(String eventId);

  void deleteAll(String instanceId);
}
