package no.instanceplatform.app.data;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.instanceplatform.app.common.AppRuleException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON form data: dotted paths address nested objects. */
final class JsonFormDocument implements FormDocument {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ObjectNode root;

  private JsonFormDocument(ObjectNode root) {
    this.root = root;
  }

  static JsonFormDocument empty() {
    return new JsonFormDocument(JSON.createObjectNode());
  }

  static JsonFormDocument parse(byte[] content, String what) {
    try {
      JsonNode node = JSON.readTree(content);
      if (node instanceof ObjectNode object) {
        return new JsonFormDocument(object);
      }
    } catch (JacksonException e) {
      throw notJson(what);
    }
    throw notAnObject(what);
  }

  /**
   * The values at {@code paths}, read token by token. Every scalar is read as {@link #parse} reads it (into a node of
   * its own, at once let go), so that a scan refuses and finds exactly what a parse would.
   */
  static FormValues scan(InputStream content, Collection<String> paths, String what) {
    FormPaths wanted = FormPaths.of(paths);
    Map<String, String> values = new HashMap<>();
    JsonToken first;
    try (JsonParser parser = JSON.createParser(content)) {
      first = parser.nextToken();
      if (first != null) {
        scanValue(parser, first == JsonToken.START_OBJECT ? wanted : null, values);
        if (parser.nextToken() != null) {
          throw notJson(what);
        }
      }
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (JacksonException e) {
      throw notJson(what);
    }
    if (first != JsonToken.START_OBJECT) {
      throw notAnObject(what);
    }
    return new FormPaths.Found(values);
  }

  /** Reads the value at the parser's token, keeping the values at the paths below {@code node} (null: none). */
  private static void scanValue(JsonParser parser, FormPaths node, Map<String, String> values) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        FormPaths property = node == null ? null : node.child(parser.currentName());
        parser.nextToken();
        if (property != null) {
          // A repeated name replaces the earlier property, as in a parsed tree.
          property.forget(values);
        }
        scanValue(parser, property, values);
      }
    } else if (token == JsonToken.START_ARRAY) {
      for (JsonToken item = parser.nextToken(); item != null && item != JsonToken.END_ARRAY;
          item = parser.nextToken()) {
        scanValue(parser, null, values);
      }
    } else {
      JsonNode scalar = parser.readValueAsTree();
      if (node != null && node.wanted() && !scalar.isNull()) {
        values.put(node.path(), scalar.asString());
      }
    }
  }

  private static AppRuleException notJson(String what) {
    return AppRuleException.invalid(what + " is not valid JSON.");
  }

  private static AppRuleException notAnObject(String what) {
    return AppRuleException.invalid(what + " must be a JSON object.");
  }

  @Override
  public Optional<String> value(String path) {
    JsonNode node = root;
    for (String segment : FormDocument.segments(path)) {
      node = node.get(segment);
      if (node == null) {
        return Optional.empty();
      }
    }
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asString()) : Optional.empty();
  }

  @Override
  public void set(String path, String value) {
    String[] segments = FormDocument.segments(path);
    ObjectNode parent = root;
    for (int i = 0; i < segments.length - 1; i++) {
      JsonNode child = parent.get(segments[i]);
      parent = child instanceof ObjectNode object ? object : parent.putObject(segments[i]);
    }
    parent.put(segments[segments.length - 1], value);
  }

  @Override
  public void remove(String path) {
    String[] segments = FormDocument.segments(path);
    JsonNode parent = root;
    for (int i = 0; i < segments.length - 1 && parent != null; i++) {
      parent = parent.get(segments[i]);
    }
    if (parent instanceof ObjectNode object) {
      object.remove(segments[segments.length - 1]);
    }
  }

  @Override
  public byte[] bytes() {
    return JSON.writeValueAsBytes(root);
  }

  @Override
  public String contentType() {
    return "application/json";
  }
}
