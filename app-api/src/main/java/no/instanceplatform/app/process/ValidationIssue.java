package no.instanceplatform.app.process;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One reason a task cannot be completed, with the names of Altinn's {@code ValidationIssue}.
 *
 * @param code what kind of issue, such as {@code TooFewDataElementsOfType} or a JSON Schema keyword
 * @param description what is wrong, for people
 * @param field the data type id for issues about a data type's elements, or the path in the form data
 * @param dataElementId the data element concerned, {@code null} for issues about a data type as a whole
 * @param severity Altinn's {@code ValidationIssueSeverity} as its clients read it, a number: always 1 (Error) here,
 *     as every issue found blocks the task
 */
@JsonPropertyOrder({"code", "description", "field", "dataElementId", "severity"})
public record ValidationIssue(String code, String description, String field, String dataElementId, int severity) {

  private static final int ERROR = 1;

  static ValidationIssue error(String code, String description, String field, String dataElementId) {
    return new ValidationIssue(code, description, field, dataElementId, ERROR);
  }
}
