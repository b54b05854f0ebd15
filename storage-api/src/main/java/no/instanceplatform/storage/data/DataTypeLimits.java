package no.instanceplatform.storage.data;

import java.util.List;
import java.util.Locale;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.common.StorageException;

/**
 * The limits an app's data types set, enforced by Storage itself so that a client that bypasses the app cannot
 * store what the app would refuse: the type must be declared, its content type allowed, its size (megabytes) and
 * its count within bounds.
 */
final class DataTypeLimits {

  private static final long MEGABYTE = 1024L * 1024L;
  private static final String ANY = "application/octet-stream";

  private DataTypeLimits() {}

  static DataType declared(Application application, String dataTypeId) {
    if (dataTypeId == null || dataTypeId.isBlank()) {
      throw StorageException.invalid("The dataType query parameter is required.");
    }
    List<DataType> types = application.dataTypes() == null ? List.of() : application.dataTypes();
    return types.stream().filter(type -> dataTypeId.equals(type.id())).findFirst()
        .orElseThrow(() -> StorageException.invalid("The data type '" + dataTypeId + "' is not declared by the app "
            + application.id() + "."));
  }

  /** Charset and other parameters are ignored; no list, an empty one or {@code application/octet-stream} allow all. */
  static void requireContentType(DataType type, String contentType) {
    List<String> allowed = type.allowedContentTypes();
    if (allowed == null || allowed.isEmpty() || allowed.stream().anyMatch(a -> ANY.equalsIgnoreCase(a.trim()))) {
      return;
    }
    String given = mediaType(contentType);
    if (given.isEmpty() || allowed.stream().noneMatch(a -> mediaType(a).equals(given))) {
      throw new StorageException(StorageException.Kind.UNSUPPORTED_CONTENT_TYPE, "The content type '"
          + (contentType == null ? "" : contentType) + "' is not allowed for data type " + type.id() + "; allowed: "
          + String.join(", ", allowed) + ".");
    }
  }

  /** The most bytes an element of the type may hold ({@code maxSize} is in megabytes; none means unbounded). */
  static long maxBytes(DataType type) {
    return type.maxSize() == null || type.maxSize() <= 0 ? Long.MAX_VALUE : type.maxSize() * MEGABYTE;
  }

  /** Refuses one element more when the instance already holds {@code maxCount} of the type (zero or less: any). */
  static void requireRoomFor(DataType type, Instance instance) {
    if (type.maxCount() <= 0) {
      return;
    }
    long count = instance.data() == null ? 0 : instance.data().stream()
        .filter(element -> type.id().equals(element.dataType())).count();
    if (count >= type.maxCount()) {
      throw StorageException.conflict("The instance already holds " + count + " element(s) of data type " + type.id()
          + ", its maxCount.");
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
