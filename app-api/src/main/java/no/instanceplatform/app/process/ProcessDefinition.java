package no.instanceplatform.app.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.instanceplatform.app.process.ProcessElement.EndEvent;
import no.instanceplatform.app.process.ProcessElement.ExclusiveGateway;
import no.instanceplatform.app.process.ProcessElement.ProcessTask;
import no.instanceplatform.app.process.ProcessElement.StartEvent;

/**
 * An app's process, checked once when built so that every move the engine makes later is defined: one start event,
 * flows between known elements, and from the start event and every task exactly one way on to a task or an end event.
 */
public final class ProcessDefinition {

  private final String id;
  private final StartEvent startEvent;
  private final Map<String, ProcessElement> elements;
  private final Map<String, List<SequenceFlow>> outgoing;

  /** Checks the graph; {@link InvalidProcessException} names the first problem found and its element. */
  public ProcessDefinition(String id, List<ProcessElement> elements, List<SequenceFlow> flows) {
    this.id = id;
    this.elements = indexById(elements, flows);
    this.startEvent = onlyStartEvent(elements);
    this.outgoing = outgoingFlows(flows);
    validatePaths();
  }

  /** The id of the BPMN process element, {@code null} when the file gives none. */
  public String id() {
    return id;
  }

  /** The single start event. */
  public StartEvent startEvent() {
    return startEvent;
  }

  /** The element with this id, if it is one the engine understands. */
  public Optional<ProcessElement> element(String elementId) {
    return Optional.ofNullable(elements.get(elementId));
  }

  /** The task with this id, if there is one. */
  public Optional<ProcessTask> task(String elementId) {
    return elements.get(elementId) instanceof ProcessTask task ? Optional.of(task) : Optional.empty();
  }

  /** The tasks, in the order the file lists them. */
  public List<ProcessTask> tasks() {
    return elements.values().stream().filter(ProcessTask.class::isInstance).map(ProcessTask.class::cast).toList();
  }

  /** The flows leaving an element, in the order the file lists them. */
  public List<SequenceFlow> outgoing(String elementId) {
    return outgoing.getOrDefault(elementId, List.of());
  }

  /**
   * Where a process at the start event or a task goes next: the task or end event reached by following the
   * element's single outgoing flow and, through exclusive gateways, each gateway's default or only flow.
   */
  public ProcessElement nextStop(String fromElementId) {
    ProcessElement from = elements.get(fromElementId);
    if (!(from instanceof StartEvent || from instanceof ProcessTask)) {
      throw new IllegalArgumentException("Not a start event or task of the process: " + fromElementId);
    }
    Set<String> gatewaysPassed = new HashSet<>();
    ProcessElement at = elements.get(flowTaken(from).targetRef());
    while (at instanceof ExclusiveGateway gateway) {
      if (!gatewaysPassed.add(gateway.id())) {
        throw new InvalidProcessException("Exclusive gateway " + gateway.id() + " is part of a loop of gateways");
      }
      at = elements.get(flowTaken(gateway).targetRef());
    }
    if (at instanceof StartEvent start) {
      throw new InvalidProcessException("Sequence flow leads back into start event " + start.id());
    }
    return at;
  }

  private static Map<String, ProcessElement> indexById(List<ProcessElement> elements, List<SequenceFlow> flows) {
    Map<String, ProcessElement> byId = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (ProcessElement element : elements) {
      requireUnique(ids, element.id());
      byId.put(element.id(), element);
    }
    for (SequenceFlow flow : flows) {
      requireUnique(ids, flow.id());
      requireKnown(byId, flow, "sourceRef", flow.sourceRef());
      requireKnown(byId, flow, "targetRef", flow.targetRef());
    }
    return Collections.unmodifiableMap(byId);
  }

  private static void requireUnique(Set<String> ids, String id) {
    if (!ids.add(id)) {
      throw new InvalidProcessException("Element id " + id + " is used more than once");
    }
  }

  private static void requireKnown(Map<String, ProcessElement> byId, SequenceFlow flow, String ref, String target) {
    if (target == null || target.isBlank()) {
      throw new InvalidProcessException("Sequence flow " + flow.id() + " has no " + ref);
    }
    if (!byId.containsKey(target)) {
      // Also the answer for element kinds the engine does not support (parallel gateways, user tasks...).
      throw new InvalidProcessException(
          "Sequence flow " + flow.id() + " " + ref + " names an unknown or unsupported element: " + target);
    }
  }

  private static StartEvent onlyStartEvent(List<ProcessElement> elements) {
    List<StartEvent> starts = elements.stream()
        .filter(StartEvent.class::isInstance).map(StartEvent.class::cast).toList();
    if (starts.isEmpty()) {
      throw new InvalidProcessException("The process has no start event");
    }
    if (starts.size() > 1) {
      throw new InvalidProcessException("The process has several start events: "
          + String.join(", ", starts.stream().map(StartEvent::id).toList()));
    }
    return starts.getFirst();
  }

  private static Map<String, List<SequenceFlow>> outgoingFlows(List<SequenceFlow> flows) {
    Map<String, List<SequenceFlow>> bySource = new LinkedHashMap<>();
    for (SequenceFlow flow : flows) {
      bySource.computeIfAbsent(flow.sourceRef(), source -> new ArrayList<>()).add(flow);
    }
    bySource.replaceAll((source, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(bySource);
  }

  // Resolving every path once here means a bad file fails when the app is loaded, not when a user presses next.
  private void validatePaths() {
    for (ProcessElement element : elements.values()) {
      switch (element) {
        case ExclusiveGateway gateway -> flowTaken(gateway);
        case StartEvent start when nextStop(start.id()) instanceof EndEvent end ->
            throw new InvalidProcessException(
                "Start event " + start.id() + " leads to end event " + end.id() + " without a task");
        case StartEvent start -> { }
        case ProcessTask task -> nextStop(task.id());
        case EndEvent end -> { }
      }
    }
  }

  private SequenceFlow flowTaken(ProcessElement from) {
    List<SequenceFlow> flows = outgoing(from.id());
    if (from instanceof ExclusiveGateway gateway && gateway.defaultFlow() != null) {
      return flows.stream().filter(flow -> flow.id().equals(gateway.defaultFlow())).findFirst()
          .orElseThrow(() -> new InvalidProcessException("Exclusive gateway " + gateway.id() + " has default flow "
              + gateway.defaultFlow() + ", which is not one of its outgoing sequence flows"));
    }
    if (flows.isEmpty()) {
      throw new InvalidProcessException(kind(from) + " " + from.id() + " has no outgoing sequence flow");
    }
    if (flows.size() > 1) {
      // Conditions are not evaluated, so only a gateway's default flow can choose between several ways on.
      throw new InvalidProcessException(from instanceof ExclusiveGateway
          ? "Exclusive gateway " + from.id() + " has several outgoing sequence flows and no default flow"
          : kind(from) + " " + from.id() + " has several outgoing sequence flows; branch with an exclusive gateway");
    }
    return flows.getFirst();
  }

  private static String kind(ProcessElement element) {
    return switch (element) {
      case StartEvent start -> "Start event";
      case ProcessTask task -> "Task";
      case ExclusiveGateway gateway -> "Exclusive gateway";
      case EndEvent end -> "End event";
    };
  }
}
