package no.instanceplatform.storage.events;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.common.TimeOrderedIds;
import no.instanceplatform.storage.instances.EventOutbox;
import no.instanceplatform.storage.instances.InstanceUpdater;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.stereotype.Service;

/**
 * The events of an instance. Readers see the events of the latest writes at once, whether or not the relay has
 * copied them from the instance's outbox to the event store yet.
 */
@Service
public class InstanceEventService {

  private final InstanceUpdater instances;
  private final InstanceEventStore events;
  private final EventOutbox outbox;
  private final Clock clock;

  InstanceEventService(InstanceUpdater instances, InstanceEventStore events, EventOutbox outbox, Clock clock) {
    this.instances = instances;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Records an event a client reports (an app, typically); Storage sets its id and time. */
  public InstanceEvent create(Caller caller, String partyId, String instanceGuid, InstanceEvent reported) {
    Instance instance = instances.read(caller, InstanceAction.WRITE, partyId, instanceGuid);
    if (reported == null || reported.eventType() == null || reported.eventType().isBlank()) {
      throw StorageException.invalid("The event must have an eventType.");
    }
    if (reported.instanceId() != null && !reported.instanceId().equals(instance.id())) {
      throw StorageException.invalid("The event's instanceId '" + reported.instanceId()
          + "' is not the instance of the path, " + instance.id() + ".");
    }
    InstanceEvent event = new InstanceEvent(TimeOrderedIds.next(), instance.id(), reported.dataId(),
        reported.eventType(), clock.instant(), partyId,
        reported.user() != null ? reported.user() : caller.asPlatformUser(), reported.processInfo());
    events.saveAll(instance.appId(), List.of(event));
    return event;
  }

  public List<InstanceEvent> list(Caller caller, String partyId, String instanceGuid, EventFilter filter) {
    Instance instance = instances.read(caller, InstanceAction.READ, partyId, instanceGuid);
    Map<String, InstanceEvent> byId = new LinkedHashMap<>();
    Stream.concat(events.find(instance.id(), filter).stream(),
            outbox.pending(instanceGuid).events().stream().filter(filter::matches))
        .forEach(event -> byId.putIfAbsent(event.id(), event));
    return byId.values().stream()
        .sorted(Comparator.comparing(InstanceEvent::created, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(InstanceEvent::id))
        .toList();
  }

  public InstanceEvent get(Caller caller, String partyId, String instanceGuid, String eventId) {
    Instance instance = instances.read(caller, InstanceAction.READ, partyId, instanceGuid);
    return events.findById(eventId)
        .or(() -> outbox.pending(instanceGuid).events().stream().filter(e -> e.id().equals(eventId)).findFirst())
        .filter(event -> instance.id().equals(event.instanceId()))
        .orElseThrow(() -> StorageException.notFound("Event " + eventId + " of instance " + instance.id()
            + " was not found."));
  }

  /** Deletes every event of the instance, those not yet delivered from its outbox included. */
  public void deleteAll(Caller caller, String partyId, String instanceGuid) {
    Instance instance = instances.read(caller, InstanceAction.APP_OWNER_WRITE, partyId, instanceGuid);
    List<String> pending = outbox.pending(instanceGuid).events().stream().map(InstanceEvent::id).toList();
    if (!pending.isEmpty()) {
      outbox.acknowledge(instanceGuid, pending);
    }
    events.deleteAll(instance.id());
  }
}
