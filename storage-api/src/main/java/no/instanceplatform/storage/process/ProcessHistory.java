package no.instanceplatform.storage.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.model.ProcessHistoryItem;
import no.instanceplatform.model.ProcessState;

/**
 * Builds an instance's process history from its process events, as Altinn does: one item per start event, task
 * and end event, where a task's start and end are merged into one item.
 */
final class ProcessHistory {

  static final String START_EVENT = "process_StartEvent";
  static final String START_TASK = "process_StartTask";
  static final String END_TASK = "process_EndTask";
  static final String ABANDON_TASK = "process_AbandonTask";
  static final String END_EVENT = "process_EndEvent";
  static final Set<String> EVENT_TYPES = Set.of(START_EVENT, START_TASK, END_TASK, ABANDON_TASK, END_EVENT);

  private ProcessHistory() {}

  /** @param events the process events, oldest first */
  static List<ProcessHistoryItem> of(List<InstanceEvent> events) {
    List<ProcessHistoryItem> history = new ArrayList<>();
    for (InstanceEvent event : events) {
      ProcessState process = event.processInfo();
      String performedBy = performedBy(event.user());
      switch (event.eventType()) {
        case START_EVENT -> history.add(new ProcessHistoryItem(event.eventType(),
            process == null ? null : process.startEvent(),
            process == null || process.started() == null ? event.created() : process.started(), null, null,
            performedBy));
        case START_TASK -> history.add(new ProcessHistoryItem(event.eventType(), taskOf(process), null,
            event.created(), null, performedBy));
        case END_TASK, ABANDON_TASK -> endTask(history, event, taskOf(process), performedBy);
        case END_EVENT -> history.add(new ProcessHistoryItem(event.eventType(),
            process == null ? null : process.endEvent(),
            process == null || process.ended() == null ? event.created() : process.ended(), null, null,
            performedBy));
        default -> { }
      }
    }
    return history;
  }

  /** Closes the open item of the same task, or records the end on its own when the start is missing. */
  private static void endTask(List<ProcessHistoryItem> history, InstanceEvent event, String task,
      String performedBy) {
    for (int i = history.size() - 1; i >= 0; i--) {
      ProcessHistoryItem item = history.get(i);
      if (START_TASK.equals(item.eventType()) && task != null && task.equals(item.elementId())
          && item.ended() == null) {
        history.set(i, new ProcessHistoryItem(item.eventType(), item.elementId(), item.occured(), item.started(),
            event.created(), item.performedBy()));
        return;
      }
    }
    history.add(new ProcessHistoryItem(event.eventType(), task, null, null, event.created(), performedBy));
  }

  private static String taskOf(ProcessState process) {
    return process == null || process.currentTask() == null ? null : process.currentTask().elementId();
  }

  private static String performedBy(PlatformUser user) {
    if (user == null) {
      return null;
    }
    if (user.userId() != null) {
      return user.userId().toString();
    }
    return user.orgId();
  }
}
