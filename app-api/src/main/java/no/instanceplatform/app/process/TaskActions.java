package no.instanceplatform.app.process;

import java.util.List;

/**
 * Which actions move a task of each Altinn task type on, as Altinn's {@code ProcessEngineAuthorizer} lists them.
 * No action at all is always accepted: Altinn then authorizes the listed actions, which is the caller's job here.
 */
final class TaskActions {

  private TaskActions() {}

  /** The actions that complete a task of this type. */
  static List<String> allowed(String taskType) {
    return switch (taskType) {
      case "data", "feedback" -> List.of("write");
      case "confirmation" -> List.of("confirm");
      case "payment" -> List.of("pay", "write");
      case "signing" -> List.of("sign", "write");
      default -> List.of(taskType, "write");
    };
  }

  /**
   * Refuses an action the task's type does not accept. {@code reject} is refused everywhere: it means taking a
   * gateway's conditional flow, and conditions are not evaluated, so it would move the process forward like
   * {@code confirm} instead of sending it back.
   */
  static void require(ProcessElement.ProcessTask task, String action) {
    if (action == null || action.isBlank()) {
      return;
    }
    List<String> allowed = allowed(task.taskType());
    if (!allowed.contains(action)) {
      throw new ProcessActionNotAllowedException(action, task.taskType(), task.id(), allowed);
    }
  }
}
