package no.instanceplatform.app.data;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataField;
import org.springframework.stereotype.Component;

/**
 * Keeps an instance's presentation texts and data values in step with its form data, as Altinn's app-lib does when
 * form data is saved: each field the app declares for the saved data type is read from the form at its path; a field
 * the form no longer has is removed from the instance.
 */
@Component
public class FormFields {

  private final InstanceClient instances;

  FormFields(InstanceClient instances) {
    this.instances = instances;
  }

  /** The paths of the fields the app declares for the data type: the values {@link #update} reads. */
  public static Set<String> paths(Application app, String dataTypeId) {
    Set<String> paths = new LinkedHashSet<>();
    Stream.of(app.presentationFields(), app.dataFields()).filter(fields -> fields != null).flatMap(List::stream)
        .filter(field -> dataTypeId.equals(field.dataTypeId()) && field.id() != null)
        .forEach(field -> paths.add(field.path()));
    return paths;
  }

  public void update(Application app, InstanceRef instance, String dataTypeId, FormValues form, String token) {
    Map<String, String> texts = values(app.presentationFields(), dataTypeId, form);
    if (!texts.isEmpty()) {
      instances.updatePresentationTexts(instance, texts, token);
    }
    Map<String, String> values = values(app.dataFields(), dataTypeId, form);
    if (!values.isEmpty()) {
      instances.updateDataValues(instance, values, token);
    }
  }

  /** The declared fields of the data type and their values; a missing value is null, which Storage removes. */
  private static Map<String, String> values(List<DataField> fields, String dataTypeId, FormValues form) {
    Map<String, String> values = new LinkedHashMap<>();
    if (fields != null) {
      for (DataField field : fields) {
        if (dataTypeId.equals(field.dataTypeId()) && field.id() != null) {
          values.put(field.id(), form.value(field.path()).orElse(null));
        }
      }
    }
    return values;
  }
}
