package no.instanceplatform.app.process;

/** A flow node of a process definition that the engine understands. */
public sealed interface ProcessElement {

  /** The element's id in the BPMN file, as process states and events name it. */
  String id();

  /** Where every instance's process begins. */
  record StartEvent(String id) implements ProcessElement {}

  /**
   * A step an instance stops at until someone moves it on.
   *
   * @param name the display name, {@code null} when the file gives none
   * @param taskType Altinn's task type, such as {@code data} or {@code confirmation}
   */
  record ProcessTask(String id, String name, String taskType) implements ProcessElement {}

  /**
   * A branch point; the engine follows its default flow, or its only outgoing flow.
   *
   * @param defaultFlow the id of the default sequence flow, {@code null} when none is set
   */
  record ExclusiveGateway(String id, String defaultFlow) implements ProcessElement {}

  /** Where a process ends. */
  record EndEvent(String id) implements ProcessElement {}
}
