package no.instanceplatform.app.process;

/** An action given to process next that the current task's type does not accept. */
public class ProcessActionNotAllowedException extends RuntimeException {

  private final String action;
  private final String taskType;

  public ProcessActionNotAllowedException(String action, String taskType, String taskId, Iterable<String> allowed) {
    super("Action '" + action + "' is not allowed on the " + taskType + " task " + taskId + "; allowed: "
        + String.join(", ", allowed));
    this.action = action;
    this.taskType = taskType;
  }

  /** The refused action. */
  public String action() {
    return action;
  }

  /** The Altinn task type of the current task. */
  public String taskType() {
    return taskType;
  }
}
