package no.instanceplatform.storage.events;

import java.util.List;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.instances.EventOutbox;
import no.instanceplatform.storage.instances.InstanceChanged;
import no.instanceplatform.storage.instances.PendingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the events each instance write left in its outbox to the event store, and then removes them from the
 * outbox. Right after a write it delivers the events the write itself put there, as the write announced them (no
 * read of the outbox); a sweep on a schedule delivers whatever a failed or interrupted delivery, or a crash, left
 * behind. An event leaves the outbox only once it is in the event store, and storing is idempotent, so running
 * twice, or on several replicas at once, stores each event once.
 */
@Component
public class EventRelay {

  private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
  private static final int SWEEP_BATCH = 500;

  private final EventOutbox outbox;
  private final InstanceEventStore events;

  EventRelay(EventOutbox outbox, InstanceEventStore events) {
    this.outbox = outbox;
    this.events = events;
  }

  /** A failure here must not fail the write that was already committed: the sweep delivers later. */
  @EventListener
  void onInstanceChanged(InstanceChanged changed) {
    try {
      deliver(changed.instanceGuid(), changed.written());
    } catch (RuntimeException e) {
      log.warn("Events of instance {} stay in its outbox until the next sweep: {}", changed.instanceGuid(),
          e.toString());
    }
  }

  @Scheduled(initialDelayString = "${storage.events.outbox-sweep-interval:PT10S}",
      fixedDelayString = "${storage.events.outbox-sweep-interval:PT10S}")
  public void sweep() {
    for (String instanceGuid : outbox.instancesWithPending(SWEEP_BATCH)) {
      try {
        deliver(instanceGuid, outbox.pending(instanceGuid));
      } catch (RuntimeException e) {
        log.warn("Delivering the events of instance {} failed, will retry: {}", instanceGuid, e.toString());
        return;
      }
    }
  }

  private void deliver(String instanceGuid, PendingEvents pending) {
    if (pending.events().isEmpty()) {
      return;
    }
    events.saveAll(pending.appId(), pending.events());
    outbox.acknowledge(instanceGuid, pending.events().stream().map(InstanceEvent::id).toList());
  }
}
