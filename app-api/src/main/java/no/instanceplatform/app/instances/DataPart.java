package no.instanceplatform.app.instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.data.DataRules;
import no.instanceplatform.app.data.FormDocument;
import no.instanceplatform.app.data.FormMemory;
import no.instanceplatform.app.data.FormValues;
import no.instanceplatform.app.storageclient.DataClient.Upload;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataType;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.http.ContentDisposition;

/**
 * A file posted with a new instance: a part of the multipart body after the {@code instance} part, named after one
 * of the app's data types. The content is kept by the servlet container (in memory or on disk) until it is sent on.
 */
record DataPart(String name, String contentType, String filename, long size, Content content) {

  /** Opens the part's bytes; may be opened more than once. */
  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  /** The part as Storage receives it, named by a Content-Disposition when it has a filename. */
  Upload upload() throws IOException {
    String disposition = filename == null ? null
        : ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    return new Upload(contentType, disposition, size, content.open());
  }

  /**
   * The values at {@code paths} of the part's content as form data, read as it streams from where the container keeps
   * it, in room of the form memory; refused as invalid when it is not well-formed.
   */
  FormValues form(FormMemory memory, Collection<String> paths, String what) {
    try (MemoryBudget.Reservation held = memory.hold(size); InputStream in = content.open()) {
      return FormDocument.scan(contentType, in, paths, what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks every part against its data type before anything is created, so that a refused request leaves nothing
   * behind: the name is a data type, the content type is allowed, the part is not empty and within maxSize (MB),
   * there are no more parts of a type than its maxCount, files are named with an extension, and form data is
   * well-formed and no longer than the App API holds (413).
   */
  static void validate(Application app, List<DataPart> parts, FormMemory memory) {
    Map<String, Integer> counts = new HashMap<>();
    for (DataPart part : parts) {
      String what = "The part '" + part.name() + "'";
      DataType type = app.dataTypes().stream().filter(t -> t.id().equals(part.name())).findFirst()
          .orElseThrow(() -> AppRuleException.invalid(what + " is not a data type of the app " + app.id() + "."));
      DataRules.requireAllowedContentType(type, part.contentType(), what);
      if (part.size() == 0) {
        throw AppRuleException.invalid(what + " is empty.");
      }
      if (type.maxSize() != null && type.maxSize() > 0 && part.size() > type.maxSize() * 1024L * 1024L) {
        throw AppRuleException.invalid(what + " is larger than the " + type.maxSize() + " MB its data type allows.");
      }
      int count = counts.merge(type.id(), 1, Integer::sum);
      if (type.maxCount() > 0 && count > type.maxCount()) {
        throw AppRuleException.invalid("There are more parts of data type '" + type.id() + "' than its maxCount, "
            + type.maxCount() + ".");
      }
      DataRules.requireNamedFile(type, part.filename(), what);
      if (DataRules.isForm(type)) {
        if (part.size() > memory.mostHeld()) {
          throw memory.tooLongToHold(what);
        }
        part.form(memory, List.of(), what);
      }
    }
  }
}
