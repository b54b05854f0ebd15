package no.instanceplatform.app.data;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.model.DataType;

/**
 * Form data (a data type with an {@code appLogic.classRef}) as a tree of named fields, addressed by dotted paths as
 * Altinn's prefill and data fields address them ({@code addresse.gatenavn}): JSON objects, or XML elements under the
 * root element.
 */
public sealed interface FormDocument extends FormValues permits JsonFormDocument, XmlFormDocument {

  /** Sets the value at {@code path}, creating the objects or elements on the way. */
  void set(String path, String value);

  /** Removes the field at {@code path}, if there is one. */
  void remove(String path);

  byte[] bytes();

  String contentType();

  /** Whether the data type's form data is XML (it allows an XML content type) rather than JSON. */
  static boolean isXml(DataType type) {
    return type.allowedContentTypes() != null && type.allowedContentTypes().stream()
        .anyMatch(FormDocument::isXmlContentType);
  }

  static boolean isXmlContentType(String contentType) {
    String base = DataRules.mediaType(contentType);
    return base.equals("application/xml") || base.equals("text/xml") || base.endsWith("+xml");
  }

  /** A new, empty form of the data type: {@code {}}, or an XML document with the model class as root element. */
  static FormDocument empty(DataType type) {
    return isXml(type) ? XmlFormDocument.empty(rootElement(type)) : JsonFormDocument.empty();
  }

  /** Reads stored or uploaded form data; content that is not well-formed is refused as invalid. */
  static FormDocument parse(String contentType, byte[] content, String what) {
    return isXmlContentType(contentType) ? XmlFormDocument.parse(content, what) : JsonFormDocument.parse(content, what);
  }

  /**
   * Reads form data as it streams, keeping only the values at {@code paths}: what {@link #parse} would find there,
   * and refused as {@link #parse} refuses it, but in memory for the values rather than a tree of the whole form (a
   * parsed form takes up to some 20 times its length).
   */
  static FormValues scan(String contentType, InputStream content, Collection<String> paths, String what) {
    return isXmlContentType(contentType) ? XmlFormDocument.scan(content, paths, what)
        : JsonFormDocument.scan(content, paths, what);
  }

  /** Altinn serializes a model class under its own name; a namespaced class name keeps its last part. */
  private static String rootElement(DataType type) {
    String classRef = type.appLogic().classRef();
    return classRef.substring(classRef.lastIndexOf('.') + 1);
  }

  /** Splits a dotted path, refusing empty segments ({@code a..b}, a leading or trailing dot). */
  public static String[] segments(String path) {
    String[] segments = path == null ? new String[0] : path.split("\\.", -1);
    if (Arrays.stream(segments).anyMatch(String::isBlank)) {
      throw AppRuleException.invalid("The field path '" + path + "' is not a dotted path of field names.");
    }
    return segments;
  }
}
