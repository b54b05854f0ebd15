package no.instanceplatform.app.data;

import java.util.Optional;
import no.instanceplatform.app.common.AppRuleException;
import tools.jackson.core.JacksonException;
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
      throw AppRuleException.invalid(what + " is not valid JSON.");
    }
    throw AppRuleException.invalid(what + " must be a JSON object.");
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
