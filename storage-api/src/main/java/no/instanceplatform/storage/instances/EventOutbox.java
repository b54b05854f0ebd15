package no.instanceplatform.storage.instances;

import java.util.Collection;
import java.util.List;

/**
 * Port to the events each instance write leaves on the instance document. They are committed with the change,
 * then copied to the event store and acknowledged; until then readers see them here.
 */
public interface EventOutbox {

  PendingEvents pending(String instanceGuid);

  /** Guids of instances that still hold undelivered events, at most {@code limit}. */
  List<String> instancesWithPending(int limit);

  /** Removes delivered events from the instance's outbox. */
  void acknowledge(String instanceGuid, Collection<String> eventIds);
}
