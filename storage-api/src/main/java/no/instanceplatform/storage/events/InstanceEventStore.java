package no.instanceplatform.storage.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.instances.Keyset;

/** Port to the instance events. */
public interface InstanceEventStore {

  /**
   * Stores events of instances of one app by their id; storing an event again leaves one copy, so delivery may be
   * retried.
   */
  void saveAll(String appId, Collection<InstanceEvent> events);

  /** The matching events of an instance ({@code partyId/guid}), oldest first. */
  List<InstanceEvent> find(String instanceId, EventFilter filter);

  Optional<InstanceEvent> findById(String eventId);

  /** Up to {@code limit} matching events of an app's instances, oldest first, after {@code after} (null: first). */
  List<InstanceEvent> findByApp(String appId, EventFilter filter, Keyset after, int limit);

  long countByApp(String appId, EventFilter filter);

  void deleteAll(String instanceId);
}
