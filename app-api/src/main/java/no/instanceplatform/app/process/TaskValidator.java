package no.instanceplatform.app.process;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.app.apps.HostedApp;
import no.instanceplatform.app.data.DataRules;
import no.instanceplatform.app.data.FormMemory;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a task's data before the task ends, as Altinn's default validators do: how many elements each data type
 * has against its {@code minCount} and {@code maxCount}, each element's content type against the type's
 * {@code allowedContentTypes}, and JSON form data against the data type's schema when the app has one.
 */
@Component
class TaskValidator {

  private static final String TOO_FEW = "TooFewDataElementsOfType";
  private static final String TOO_MANY = "TooManyDataElementsOfType";
  private static final String MISSING_CONTENT_TYPE = "MissingContentType";
  private static final String CONTENT_TYPE_NOT_ALLOWED = "ContentTypeNotAllowed";
  private static final String INVALID_FORM_DATA = "InvalidFormData";
  private static final String FORM_DATA_TOO_LARGE = "FormDataTooLarge";

  /** Form data is read whole into memory to be validated; larger elements are refused rather than read. */
  private static final long MAX_FORM_DATA_BYTES = 16L * 1024 * 1024;

  private final DataClient data;
  private final FormDataSchemas schemas;
  private final JsonMapper json;
  private final FormMemory formMemory;

  TaskValidator(DataClient data, FormDataSchemas schemas, JsonMapper json, FormMemory formMemory) {
    this.data = data;
    this.schemas = schemas;
    this.json = json;
    this.formMemory = formMemory;
  }

  /** Every issue found with the task's data; empty when the task can be completed. */
  List<ValidationIssue> validate(HostedApp app, TaskData task, InstanceRef instance, String token) {
    List<ValidationIssue> issues = new ArrayList<>();
    for (TaskData.OfType ofType : task.types()) {
      DataType type = ofType.dataType();
      issues.addAll(countIssues(type, ofType.elements().size()));
      for (DataElement element : ofType.elements()) {
        issues.addAll(contentTypeIssues(type, element));
        if (isFormData(app, type, element)) {
          issues.addAll(formDataIssues(app, type, element, instance, token));
        }
      }
    }
    return issues;
  }

  private static List<ValidationIssue> countIssues(DataType type, int count) {
    if (type.maxCount() > 0 && count > type.maxCount()) {
      return List.of(ValidationIssue.error(TOO_MANY, "At most " + type.maxCount() + " element(s) of data type "
          + type.id() + " are allowed; the instance has " + count + ".", type.id(), null));
    }
    if (type.minCount() > 0 && count < type.minCount()) {
      return List.of(ValidationIssue.error(TOO_FEW, "At least " + type.minCount() + " element(s) of data type "
          + type.id() + " are required; the instance has " + count + ".", type.id(), null));
    }
    return List.of();
  }

  private static List<ValidationIssue> contentTypeIssues(DataType type, DataElement element) {
    if (DataRules.allows(type, element.contentType())) {
      return List.of();
    }
    if (element.contentType() == null || element.contentType().isBlank()) {
      return List.of(ValidationIssue.error(MISSING_CONTENT_TYPE, "The data element has no content type.", type.id(),
          element.id()));
    }
    List<String> allowed = type.allowedContentTypes().stream().map(DataRules::mediaType).toList();
    return List.of(ValidationIssue.error(CONTENT_TYPE_NOT_ALLOWED, "Content type " + element.contentType()
        + " is not allowed for data type " + type.id() + "; allowed: " + String.join(", ", allowed) + ".",
        type.id(), element.id()));
  }

  // Form data is what the app's model describes (a class reference); only JSON can be checked against JSON Schema.
  private boolean isFormData(HostedApp app, DataType type, DataElement element) {
    if (!DataRules.isForm(type) || !schemas.has(app, type.id()) || element.contentType() == null) {
      return false;
    }
    String mediaType = DataRules.mediaType(element.contentType());
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  /**
   * The schema's issues with the form. Its tree is held within the form memory, so the most validated is the smaller
   * of 16 MB and what the budget holds a tree of (2 MiB at {@code -Xmx256m}): one 9 MB form of empty objects ran a
   * 256 MiB heap out of memory at the task's end.
   */
  private List<ValidationIssue> formDataIssues(HostedApp app, DataType type, DataElement element,
      InstanceRef instance, String token) {
    long most = Math.min(MAX_FORM_DATA_BYTES, formMemory.mostParsed());
    if (element.size() > most) {
      return List.of(ValidationIssue.error(FORM_DATA_TOO_LARGE, "The form data is larger than " + most
          + " bytes, the most that is validated.", type.id(), element.id()));
    }
    try (MemoryBudget.Reservation memory = formMemory.parse(element.size(),
        "The App API is validating as much form data as its memory allows. Try again shortly.")) {
      JsonNode formData = data.read(instance, UUID.fromString(element.id()), token, (headers, content) -> {
        try {
          return json.readTree(content);
        } catch (JacksonException e) {
          // An element stored past the app (straight in Storage) may hold anything; that is the user's to fix.
          return null;
        }
      });
      if (formData == null || formData.isMissingNode()) {
        return List.of(ValidationIssue.error(INVALID_FORM_DATA, "The form data is not a JSON document.", type.id(),
            element.id()));
      }
      return schemas.validate(app, type.id(), element.id(), formData);
    }
  }
}
