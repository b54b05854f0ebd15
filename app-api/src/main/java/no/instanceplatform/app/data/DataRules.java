package no.instanceplatform.app.data;

import java.util.Locale;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessState;
import org.springframework.http.ContentDisposition;

/** The app's rules for changing an instance's data, on top of the limits Storage enforces itself. */
public final class DataRules {

  private static final String ANY_CONTENT_TYPE = "application/octet-stream";

  private DataRules() {}

  /** Data changes only while the instance is active: not archived, not deleted, its process not ended. */
  public static void requireActive(Instance instance) {
    InstanceStatus status = instance.statusOrInitial();
    ProcessState process = instance.process();
    if (status.isArchived()) {
      throw AppRuleException.conflict("Instance " + instance.id() + " is archived; its data cannot change.");
    }
    if (status.isSoftDeleted() || status.isHardDeleted()) {
      throw AppRuleException.conflict("Instance " + instance.id() + " is deleted; its data cannot change.");
    }
    if (process != null && process.ended() != null) {
      throw AppRuleException.conflict("The process of instance " + instance.id() + " has ended; its data cannot change.");
    }
  }

  public static DataType requireDataType(Application app, String dataTypeId) {
    if (dataTypeId == null || dataTypeId.isBlank()) {
      throw AppRuleException.invalid("The query parameter 'dataType' is required.");
    }
    return app.dataTypes().stream().filter(type -> dataTypeId.equals(type.id())).findFirst()
        .orElseThrow(() -> AppRuleException.invalid("The app " + app.id() + " has no data type '" + dataTypeId
            + "'."));
  }

  /** A data type tied to a task can only be changed while the process is at that task. */
  public static void requireCurrentTask(Instance instance, DataType type) {
    if (type.taskId() == null) {
      return;
    }
    ProcessState process = instance.process();
    String current = process == null || process.currentTask() == null ? null : process.currentTask().elementId();
    if (!type.taskId().equals(current)) {
      throw AppRuleException.conflict("Data of type '" + type.id() + "' belongs to task " + type.taskId()
          + ", and the process is " + (current == null ? "not at a task" : "at task " + current) + ".");
    }
  }

  /** Form data is the app's; a file (any other data type) must be named, with an extension, as app-lib requires. */
  public static void requireFilename(DataType type, String contentDisposition) {
    requireNamedFile(type, filename(contentDisposition), "A file of type '" + type.id() + "'");
  }

  /** As {@link #requireFilename}, for a filename given otherwise (a multipart part's). */
  public static void requireNamedFile(DataType type, String filename, String what) {
    if (isForm(type)) {
      return;
    }
    int dot = filename == null ? -1 : filename.lastIndexOf('.');
    if (dot <= 0 || dot == filename.length() - 1) {
      throw AppRuleException.invalid(what + " needs a filename with an extension (in its Content-Disposition).");
    }
  }

  /** Whether the data type is form data (bound to a model class) rather than a file. */
  public static boolean isForm(DataType type) {
    return type.appLogic() != null && type.appLogic().classRef() != null;
  }

  /** Refuses a content type the data type does not allow (the same rule as Storage's, checked before anything). */
  public static void requireAllowedContentType(DataType type, String contentType, String what) {
    if (!allows(type, contentType)) {
      throw AppRuleException.invalid(what + " has content type '" + (contentType == null ? "" : contentType)
          + "', which data type '" + type.id() + "' does not allow (" + type.allowedContentTypes() + ").");
    }
  }

  /**
   * Whether the data type allows the content type, as Altinn reads {@code allowedContentTypes}: parameters such as
   * charset are ignored, and no list, or one with {@code application/octet-stream}, allows all.
   */
  public static boolean allows(DataType type, String contentType) {
    if (type.allowedContentTypes() == null || type.allowedContentTypes().isEmpty()) {
      return true;
    }
    String base = mediaType(contentType);
    return type.allowedContentTypes().stream().map(DataRules::mediaType)
        .anyMatch(allowed -> allowed.equals(base) || allowed.equals(ANY_CONTENT_TYPE));
  }

  /** The media type without its parameters, in lower case; empty for none. */
  public static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static String filename(String contentDisposition) {
    if (contentDisposition == null || contentDisposition.isBlank()) {
      return null;
    }
    try {
      return ContentDisposition.parse(contentDisposition).getFilename();
    } catch (IllegalArgumentException e) {
      throw AppRuleException.invalid("The Content-Disposition header is malformed.");
    }
  }
}
