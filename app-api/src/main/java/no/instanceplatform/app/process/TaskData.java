package no.instanceplatform.app.process;

import java.util.List;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;

/**
 * The data a task collects: each data type of the app that belongs to the task, with the instance's elements of it.
 * What is validated before the task ends, and locked when it does.
 */
record TaskData(String taskId, List<OfType> types) {

  /** One data type of the task and the instance's elements of that type. */
  record OfType(DataType dataType, List<DataElement> elements) {}

  static TaskData of(Application application, Instance instance, String taskId) {
    List<DataElement> all = instance.data() == null ? List.of() : instance.data();
    List<DataType> dataTypes = application.dataTypes() == null ? List.of() : application.dataTypes();
    return new TaskData(taskId, dataTypes.stream()
        .filter(type -> taskId.equals(type.taskId()))
        .map(type -> new OfType(type, all.stream().filter(e -> type.id().equals(e.dataType())).toList()))
        .toList());
  }

  List<DataElement> elements() {
    return types.stream().flatMap(type -> type.elements().stream()).toList();
  }
}
