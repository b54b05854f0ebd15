package no.instanceplatform.app.process;

import java.util.List;

/** The current task cannot be completed: its data fails the app's rules, each failure a validation issue. */
public class TaskValidationException extends RuntimeException {

  private final List<ValidationIssue> issues;

  public TaskValidationException(String taskId, List<ValidationIssue> issues) {
    super("Validation failed for task " + taskId + ": " + issues.size() + " validation error(s) found.");
    this.issues = List.copyOf(issues);
  }

  public List<ValidationIssue> issues() {
    return issues;
  }
}
