package no.instanceplatform.app.process;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.instanceplatform.app.apps.AppRegistry;
import no.instanceplatform.app.apps.HostedApp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The hosted apps' data model schemas ({@code models/{dataTypeId}.schema.json}), compiled once at start. A schema
 * that names no {@code $schema} is read as JSON Schema 2020-12, the dialect Altinn Studio writes. References are
 * resolved within the schema file: the validator never fetches remote resources, so a schema cannot make the App API
 * call out while it validates a user's data.
 */
@Component
class FormDataSchemas {

  // Messages in English whatever the server's locale, so that answers do not depend on where the App API runs.
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));
  private final Map<String, Schema> schemas = new HashMap<>();

  FormDataSchemas(AppRegistry apps) {
    for (HostedApp app : apps.all()) {
      app.models().forEach((dataTypeId, schemaNode) -> schemas.put(key(app, dataTypeId), compile(app, dataTypeId,
          schemaNode)));
    }
  }

  boolean has(HostedApp app, String dataTypeId) {
    return schemas.containsKey(key(app, dataTypeId));
  }

  /** What the data type's schema finds wrong with one element's form data, as issues on that element. */
  List<ValidationIssue> validate(HostedApp app, String dataTypeId, String dataElementId, JsonNode formData) {
    return schemas.get(key(app, dataTypeId)).validate(formData).stream()
        .map(error -> ValidationIssue.error(error.getKeyword(), error.getMessage(), field(error), dataElementId))
        .toList();
  }

  private Schema compile(HostedApp app, String dataTypeId, JsonNode schemaNode) {
    // The location only names the schema (and is the base of a relative $id); nothing is loaded from it.
    SchemaLocation location = SchemaLocation.of(
        "urn:instanceplatform:apps:" + app.id() + "/models/" + dataTypeId + ".schema.json");
    try {
      Schema schema = registry.getSchema(location, schemaNode);
      // Builds the keyword validators and resolves the references now, so that a schema the validator cannot use
      // (an unknown dialect, a reference to nothing) fails the start rather than a user's request.
      schema.initializeValidators();
      return schema;
    } catch (SchemaException e) {
      throw new IllegalStateException("The schema models/" + dataTypeId + ".schema.json of " + app.id()
          + " cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * The form data path the way Altinn names fields: dotted, with indexes ({@code crew[0].name}). A missing
   * required property is reported on its parent object, so the property is added to name the field itself.
   */
  private static String field(Error error) {
    StringBuilder field = new StringBuilder();
    NodePath at = error.getInstanceLocation();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object element = at.getElement(i);
      if (element instanceof Integer index) {
        field.append('[').append(index).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(element);
      }
    }
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      field.append(field.isEmpty() ? "" : ".").append(error.getProperty());
    }
    // The document as a whole (such as an array where an object is expected) is no field.
    return field.isEmpty() ? null : field.toString();
  }

  private static String key(HostedApp app, String dataTypeId) {
    return app.id() + "/" + dataTypeId;
  }
}
