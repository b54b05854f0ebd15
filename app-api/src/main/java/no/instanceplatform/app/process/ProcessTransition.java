package no.instanceplatform.app.process;

import java.util.List;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.ProcessState;

/** The result of a process move: the instance's new process state and the events that record the move, in order. */
public record ProcessTransition(ProcessState newState, List<InstanceEvent> events) {

  public ProcessTransition {
    events = List.copyOf(events);
  }
}
