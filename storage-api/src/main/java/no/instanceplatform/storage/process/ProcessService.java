package no.instanceplatform.storage.process;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ProcessStateUpdate;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.common.TimeOrderedIds;
import no.instanceplatform.storage.instances.IfMatch;
import no.instanceplatform.storage.instances.InstanceChange;
import no.instanceplatform.storage.instances.InstanceLinks;
import no.instanceplatform.storage.instances.InstanceUpdater;
import no.instanceplatform.storage.instances.StoredInstance;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.stereotype.Service;

/**
 * Stores the process state an app computed. Storage does not run processes: it keeps the state, archives the
 * instance when the process ends, and keeps the process events the app reports.
 */
@Service
public class ProcessService {

  private final InstanceUpdater updater;
  private final InstanceLinks links;
  private final Clock clock;

  ProcessService(InstanceUpdater updater, InstanceLinks links, Clock clock) {
    this.updater = updater;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Replaces the process state alone. The app records its process events itself (or uses
   * {@link #updateProcessAndEvents}, which stores both in one write), so this records none, as in Altinn.
   */
  public StoredInstance updateProcess(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      ProcessState state) {
    requireState(state);
    return links.withLinks(updater.update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid,
        current -> new InstanceChange(withProcess(current, state, caller), List.of())));
  }

  /** Replaces the process state and stores the events that record the move, together; Storage names the events. */
  public StoredInstance updateProcessAndEvents(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      ProcessStateUpdate update) {
    if (update == null) {
      throw StorageException.invalid("The request body must have 'state' and 'events'.");
    }
    requireState(update.state());
    List<InstanceEvent> reported = update.events() == null ? List.of() : update.events();
    String instanceId = partyId + "/" + instanceGuid;
    for (InstanceEvent event : reported) {
      if (event == null || event.eventType() == null || event.eventType().isBlank()) {
        throw StorageException.invalid("Every event must have an eventType.");
      }
      if (event.instanceId() != null && !event.instanceId().equals(instanceId)) {
        throw StorageException.invalid("The event's instanceId '" + event.instanceId()
            + "' is not the instance of the path, " + instanceId + ".");
      }
    }
    return links.withLinks(updater.update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid, current -> {
      Instant now = clock.instant();
      List<InstanceEvent> events = reported.stream().map(e -> complete(e, instanceId, partyId, caller, now)).toList();
      return new InstanceChange(withProcess(current, update.state(), caller), events);
    }));
  }

  /** When the process first ends, the instance is archived at that moment. */
  private Instance withProcess(Instance current, ProcessState state, Caller caller) {
    InstanceStatus status = current.statusOrInitial();
    if (state.ended() != null && status.archived() == null) {
      status = status.withArchived(state.ended());
    }
    return current.withProcess(state).withStatus(status).changedBy(clock.instant(), caller.id());
  }

  /**
   * Storage names every event itself, as for {@code POST events}: a client-chosen id could name another
   * instance's event, which storing by id would overwrite.
   */
  private static InstanceEvent complete(InstanceEvent e, String instanceId, String partyId, Caller caller,
      Instant now) {
    return new InstanceEvent(TimeOrderedIds.next(), instanceId, e.dataId(),
        e.eventType(), e.created() != null ? e.created() : now, partyId,
        e.user() != null ? e.user() : caller.asPlatformUser(), e.processInfo());
  }

  private static void requireState(ProcessState state) {
    if (state == null) {
      throw StorageException.invalid("The request body must be a process state.");
    }
  }
}
