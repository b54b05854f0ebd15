package no.instanceplatform.app.instances;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.data.FormDocument;
import no.instanceplatform.model.InstanceOwner;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an instantiation template strictly: each field the App API uses must have the right type, and dates must be
 * ISO 8601 in UTC ({@code Z}), as seed 001 requires; a wrong one is refused with its name rather than guessed at.
 */
@Component
class TemplateReader {

  private final JsonMapper json;

  TemplateReader(JsonMapper json) {
    this.json = json;
  }

  InstantiationTemplate read(byte[] body) {
    if (body.length == 0) {
      return InstantiationTemplate.NONE;
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw AppRuleException.invalid("The instance template is not valid JSON.");
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return InstantiationTemplate.NONE;
    }
    if (!root.isObject()) {
      throw AppRuleException.invalid("The instance template must be a JSON object.");
    }
    return new InstantiationTemplate(owner(root.get("instanceOwner")), utc(root, "dueBefore"),
        utc(root, "visibleAfter"), prefill(root.get("prefill")), text(root, "sourceInstanceId", "sourceInstanceId"));
  }

  private static InstanceOwner owner(JsonNode owner) {
    if (owner == null || owner.isNull()) {
      return null;
    }
    if (!owner.isObject()) {
      throw AppRuleException.invalid("'instanceOwner' must be an object.");
    }
    return new InstanceOwner(text(owner, "partyId", "instanceOwner.partyId"),
        text(owner, "personNumber", "instanceOwner.personNumber"),
        text(owner, "organisationNumber", "instanceOwner.organisationNumber"), null);
  }

  private static Instant utc(JsonNode root, String field) {
    String value = text(root, field, field);
    if (value == null) {
      return null;
    }
    try {
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Instant.parse(value.toUpperCase());
      }
    } catch (DateTimeParseException e) {
      // Refused below with the same words as a date in another zone.
    }
    throw AppRuleException.invalid("'" + field + "' must be an ISO 8601 date and time in UTC, such as "
        + "2019-06-01T12:00:00Z, not '" + value + "'.");
  }

  private static Map<String, String> prefill(JsonNode prefill) {
    if (prefill == null || prefill.isNull()) {
      return Map.of();
    }
    if (!prefill.isObject()) {
      throw AppRuleException.invalid("'prefill' must be an object of field paths and values.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : prefill.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw AppRuleException.invalid("The prefill value of '" + entry.getKey() + "' must be a string or number.");
      }
      // Checked here, before anything is created, rather than when the form is filled in.
      FormDocument.segments(entry.getKey());
      values.put(entry.getKey(), value.asString());
    }
    return values;
  }

  /** A string field, or a number given for one (party ids are often sent as numbers); null when absent. */
  private static String text(JsonNode parent, String field, String name) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString() || value.isIntegralNumber()) {
      String text = value.asString().strip();
      return text.isEmpty() ? null : text;
    }
    throw AppRuleException.invalid("'" + name + "' must be a string.");
  }
}
