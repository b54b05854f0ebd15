package no.instanceplatform.storage.instances;

import java.util.List;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;

/** What a write does to an instance: its new state and the events that record it. */
public record InstanceChange(Instance instance, List<InstanceEvent> events) {

  /** Nothing changes: the write is answered with the instance as it is. */
  public static InstanceChange none(Instance instance) {
    return new InstanceChange(instance, null);
  }

  public boolean isNone() {
    return events == null;
  }
}
