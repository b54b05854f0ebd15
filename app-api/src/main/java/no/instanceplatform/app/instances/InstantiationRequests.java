package no.instanceplatform.app.instances;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import no.instanceplatform.app.common.AppRuleException;
import org.springframework.stereotype.Component;

/** Reads the body of an instantiation request: a JSON template, a multipart body, or nothing. */
@Component
class InstantiationRequests {

  /** The largest instance template read: it is a few fields, so anything near this is not one. */
  static final int TEMPLATE_LIMIT_BYTES = 256 * 1024;
  static final String INSTANCE_PART = "instance";

  private final TemplateReader templates;

  InstantiationRequests(TemplateReader templates) {
    this.templates = templates;
  }

  /** The template and, for a multipart body, the parts after the {@code instance} part. */
  record Read(InstantiationTemplate template, List<DataPart> parts) {}

  Read read(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return multipart(request);
    }
    try (InputStream body = request.getInputStream()) {
      return new Read(templates.read(template(body)), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template only: the simplified endpoint takes no files. */
  InstantiationTemplate readTemplate(HttpServletRequest request) {
    return read(request).template();
  }

  private Read multipart(HttpServletRequest request) {
    Iterator<Part> parts = parts(request).iterator();
    if (!parts.hasNext()) {
      throw AppRuleException.invalid("The multipart body has no parts; the first must be 'instance'.");
    }
    Part first = parts.next();
    if (!INSTANCE_PART.equals(first.getName())) {
      throw AppRuleException.invalid("The first part must be named 'instance' and hold the instance template, not '"
          + first.getName() + "'.");
    }
    InstantiationTemplate template;
    try (InputStream in = first.getInputStream()) {
      template = templates.read(template(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<DataPart> data = new ArrayList<>();
    parts.forEachRemaining(part -> data.add(new DataPart(part.getName(), part.getContentType(),
        part.getSubmittedFileName(), part.getSize(), part::getInputStream)));
    return new Read(template, data);
  }

  private static List<Part> parts(HttpServletRequest request) {
    try {
      return List.copyOf(request.getParts());
    } catch (IOException | ServletException | IllegalStateException e) {
      // The container's words say what was wrong (unterminated, no boundary, too many parts, too large).
      throw AppRuleException.invalid("The multipart body is malformed or exceeds the limits.");
    }
  }

  private static byte[] template(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(TEMPLATE_LIMIT_BYTES + 1);
    if (bytes.length > TEMPLATE_LIMIT_BYTES) {
      throw AppRuleException.tooLarge("The instance template is larger than " + TEMPLATE_LIMIT_BYTES + " bytes.");
    }
    return bytes;
  }
}
