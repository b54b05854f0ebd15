package no.instanceplatform.app.instances;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.data.DataRules;
import no.instanceplatform.app.data.FormDocument;
import no.instanceplatform.app.data.FormFields;
import no.instanceplatform.app.data.FormMemory;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.DataClient.Upload;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.CopyInstanceSettings;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.stereotype.Component;

/** The data a new instance starts with: the posted parts, form data copied from an archived instance, auto-created forms. */
@Component
class InitialData {

  private final DataClient data;
  private final FormFields fields;
  private final FormMemory formMemory;

  InitialData(DataClient data, FormFields fields, FormMemory formMemory) {
    this.data = data;
    this.fields = fields;
    this.formMemory = formMemory;
  }

  /** Checks the parts posted with the instance before anything is created ({@link DataPart#validate}). */
  void validate(Application app, List<DataPart> parts) {
    DataPart.validate(app, parts, formMemory);
  }

  /** Stores the parts posted with the instance; form data also fills the instance's presentation and data fields. */
  void storeParts(Application app, InstanceRef instance, List<DataPart> parts, String token) throws IOException {
    for (DataPart part : parts) {
      DataType type = DataRules.requireDataType(app, part.name());
      // Stored as posted; form data is read only for the instance's fields.
      data.create(instance, type.id(), part.upload(), token);
      if (DataRules.isForm(type)) {
        fields.update(app, instance, type.id(),
            part.form(formMemory, FormFields.paths(app, type.id()), "The part '" + part.name() + "'"), token);
      }
    }
  }

  /**
   * Copies the form data of the task's data types from the archived source, leaving out the excluded data types and
   * fields, as app-lib's copy does (files are not copied); answers the data types it stored.
   */
  Set<String> copy(Application app, Instance source, InstanceRef target, String taskId, String token) {
    CopyInstanceSettings settings = app.copyInstanceSettings();
    List<String> excludedTypes = settings.excludedDataTypes() == null ? List.of() : settings.excludedDataTypes();
    List<String> excludedFields = settings.excludedDataFields() == null ? List.of() : settings.excludedDataFields();
    InstanceRef sourceRef = InstanceRef.parse(source.id());
    Set<String> copied = new HashSet<>();
    for (DataElement element : source.data() == null ? List.<DataElement>of() : source.data()) {
      DataType type = formTypeOfTask(app, element.dataType(), taskId);
      if (type == null || excludedTypes.contains(type.id())) {
        continue;
      }
      try (MemoryBudget.Reservation memory = reserveTree(element)) {
        FormDocument form = data.read(sourceRef, UUID.fromString(element.id()), token,
            (headers, content) -> FormDocument.parse(element.contentType(), content.readAllBytes(),
                "The form data " + element.id() + " of the source instance"));
        excludedFields.forEach(form::remove);
        storeForm(app, target, type, form, element.contentType(), token);
      }
      copied.add(type.id());
    }
    return copied;
  }

  /**
   * Room in the form memory for the source form's tree, which the copy changes: a form larger than the budget holds a
   * tree of (a 32nd of it, 2 MiB at {@code -Xmx256m}) is not copied.
   */
  private MemoryBudget.Reservation reserveTree(DataElement element) {
    long most = formMemory.mostParsed();
    if (element.size() > most) {
      throw AppRuleException.tooLarge("The form data " + element.id() + " of the source instance is larger than "
          + most + " bytes, the most the App API copies.");
    }
    return formMemory.parse(element.size(),
        "The App API is copying as much form data as its memory allows. Try again shortly.");
  }

  /** Creates the form data of the task's auto-created data types that have none yet, with the prefill values set. */
  void autoCreate(Application app, InstanceRef instance, String taskId, Set<String> present,
      Map<String, String> prefill, String token) {
    for (DataType type : app.dataTypes()) {
      boolean auto = type.appLogic() != null && Boolean.TRUE.equals(type.appLogic().autoCreate());
      if (auto && DataRules.isForm(type) && taskId.equals(type.taskId()) && !present.contains(type.id())) {
        FormDocument form = FormDocument.empty(type);
        prefill.forEach(form::set);
        storeForm(app, instance, type, form, form.contentType(), token);
      }
    }
  }

  private void storeForm(Application app, InstanceRef instance, DataType type, FormDocument form,
      String contentType, String token) {
    byte[] bytes = form.bytes();
    data.create(instance, type.id(), new Upload(contentType, null, bytes.length, new ByteArrayInputStream(bytes)),
        token);
    fields.update(app, instance, type.id(), form, token);
  }

  private static DataType formTypeOfTask(Application app, String dataTypeId, String taskId) {
    return app.dataTypes().stream()
        .filter(type -> type.id().equals(dataTypeId) && DataRules.isForm(type) && taskId.equals(type.taskId()))
        .findFirst().orElse(null);
  }
}
