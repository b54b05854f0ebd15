package no.instanceplatform.app.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.app.process.ProcessElement.EndEvent;
import no.instanceplatform.app.process.ProcessElement.ProcessTask;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;

/**
 * Computes process moves as Altinn's app-lib does (state, flow numbers, event types and their process info),
 * without storing anything: the caller writes the new state and the events to Storage in one call.
 */
public final class ProcessEngine {

  static final String START_EVENT = "process_StartEvent";
  static final String START_TASK = "process_StartTask";
  static final String END_TASK = "process_EndTask";
  static final String END_EVENT = "process_EndEvent";
  /** Altinn's spelling; Altinn 2's message box (SBL) reads this event to show an instance as submitted. */
  static final String SUBMITTED = "Submited";

  private final Clock clock;

  public ProcessEngine(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a new instance's process and moves it on to the first task. The start event's event carries the state
   * at the start event (flow 1, as in Altinn); the first task is flow 2.
   */
  public ProcessTransition start(
      ProcessDefinition definition, PlatformUser user, String instanceId, String instanceOwnerPartyId) {
    Events events = new Events(clock.instant(), user, instanceId, instanceOwnerPartyId);
    String startId = definition.startEvent().id();
    ProcessState atStart = new ProcessState(
        events.now(), startId, new ProcessElementInfo(1, null, startId, null, null, null, null), null, null);
    // The definition guarantees that the start event leads to a task.
    ProcessTask first = (ProcessTask) definition.nextStop(startId);
    ProcessState atTask = atTask(atStart, first, 2, events.now());
    return new ProcessTransition(atTask, List.of(events.of(START_EVENT, atStart), events.of(START_TASK, atTask)));
  }

  /**
   * Ends the current task and moves on to the next task or to the end event. The end-task event carries the state
   * as it was when the task ended (the ended task as current task), as in Altinn.
   *
   * @param action what the user did, {@code null} for none
   * @throws ProcessStateException if the process has not started, has ended, or is at an unknown task
   * @throws ProcessActionNotAllowedException if the current task's type does not accept the action
   */
  public ProcessTransition next(ProcessDefinition definition, ProcessState current, String action, PlatformUser user,
      String instanceId, String instanceOwnerPartyId) {
    ProcessTask task = currentTask(definition, current, instanceId);
    TaskActions.require(task, action);
    Events events = new Events(clock.instant(), user, instanceId, instanceOwnerPartyId);
    List<InstanceEvent> recorded = new ArrayList<>();
    recorded.add(events.of(END_TASK, current));
    ProcessState next = switch (definition.nextStop(task.id())) {
      case ProcessTask nextTask -> {
        ProcessState state = atTask(current, nextTask, flowAfter(current.currentTask()), events.now());
        recorded.add(events.of(START_TASK, state));
        yield state;
      }
      case EndEvent end -> {
        ProcessState state = new ProcessState(current.started(), current.startEvent(), null, events.now(), end.id());
        recorded.add(events.of(END_EVENT, state));
        recorded.add(events.of(SUBMITTED, state));
        yield state;
      }
      // nextStop only answers tasks and end events.
      default -> throw new IllegalStateException("Unexpected next element after " + task.id());
    };
    return new ProcessTransition(next, recorded);
  }

  private static ProcessTask currentTask(ProcessDefinition definition, ProcessState current, String instanceId) {
    if (current == null || current.started() == null) {
      throw new ProcessStateException("The process of instance " + instanceId + " has not been started");
    }
    if (current.ended() != null) {
      throw new ProcessStateException("The process of instance " + instanceId + " has already ended");
    }
    if (current.currentTask() == null || current.currentTask().elementId() == null) {
      throw new ProcessStateException("The process of instance " + instanceId + " has no current task");
    }
    String elementId = current.currentTask().elementId();
    // Also when the app's process file changed under a running instance.
    return definition.task(elementId).orElseThrow(() -> new ProcessStateException("The current task " + elementId
        + " of instance " + instanceId + " is not a task of the app's process"));
  }

  private static ProcessState atTask(ProcessState previous, ProcessTask task, int flow, Instant now) {
    ProcessElementInfo info = new ProcessElementInfo(flow, now, task.id(), task.name(), task.taskType(), null, null);
    return new ProcessState(previous.started(), previous.startEvent(), info, null, null);
  }

  // A state stored without a flow number (not one this engine wrote) counts as having been at flow 1.
  private static int flowAfter(ProcessElementInfo currentTask) {
    return currentTask.flow() == null ? 2 : currentTask.flow() + 1;
  }

  /** What every event of one move shares: one timestamp, the user and the instance. */
  private record Events(Instant now, PlatformUser user, String instanceId, String instanceOwnerPartyId) {

    InstanceEvent of(String eventType, ProcessState processInfo) {
      return new InstanceEvent(null, instanceId, null, eventType, now, instanceOwnerPartyId, user, processInfo);
    }
  }
}
