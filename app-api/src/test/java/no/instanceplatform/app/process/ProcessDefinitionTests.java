package no.instanceplatform.app.process;

import static no.instanceplatform.app.process.BpmnFixtures.end;
import static no.instanceplatform.app.process.BpmnFixtures.flow;
import static no.instanceplatform.app.process.BpmnFixtures.gateway;
import static no.instanceplatform.app.process.BpmnFixtures.parse;
import static no.instanceplatform.app.process.BpmnFixtures.start;
import static no.instanceplatform.app.process.BpmnFixtures.task;
import static no.instanceplatform.app.process.BpmnFixtures.v8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The graph rules a process file must meet to be loaded, each refused with the element it concerns. */
class ProcessDefinitionTests {

  private static void assertRefused(String xml, String message) {
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(InvalidProcessException.class).hasMessage(message);
  }

  @Test
  void aProcessWithoutAStartEventIsRefused() {
    assertRefused(v8(task("T", "T", "data"), end("E"), flow("F", "T", "E")), "The process has no start event");
  }

  @Test
  void aProcessWithSeveralStartEventsIsRefusedNamingThem() {
    assertRefused(
        v8(start("S1"), start("S2"), task("T", "T", "data"), end("E"),
            flow("F1", "S1", "T"), flow("F2", "S2", "T"), flow("F3", "T", "E")),
        "The process has several start events: S1, S2");
  }

  @Test
  void aFlowToAnUnknownElementIsRefusedNamingTheFlowAndTheElement() {
    assertRefused(
        v8(start("S"), task("T", "T", "data"), end("E"), flow("F1", "S", "T"), flow("F2", "T", "Task_404")),
        "Sequence flow F2 targetRef names an unknown or unsupported element: Task_404");
  }

  @Test
  void aFlowFromAnUnsupportedElementIsRefused() {
    assertRefused(
        v8(start("S"), "<bpmn:parallelGateway id=\"P\"/>", task("T", "T", "data"), end("E"),
            flow("F1", "S", "P"), flow("F2", "P", "T"), flow("F3", "T", "E")),
        "Sequence flow F1 targetRef names an unknown or unsupported element: P");
  }

  @Test
  void aFlowWithoutATargetIsRefused() {
    assertRefused(v8(start("S"), "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"S\"/>"), "Sequence flow F1 has no targetRef");
  }

  @Test
  void aGatewayWithSeveralFlowsAndNoDefaultIsRefused() {
    assertRefused(
        v8(start("S"), task("T1", "T1", "data"), task("T2", "T2", "data"), gateway("G", null), end("E"),
            flow("F1", "S", "T1"), flow("F2", "T1", "G"), flow("F3", "G", "T2"), flow("F4", "G", "E"),
            flow("F5", "T2", "E")),
        "Exclusive gateway G has several outgoing sequence flows and no default flow");
  }

  @Test
  void aGatewayWhoseDefaultIsNotOneOfItsFlowsIsRefused() {
    assertRefused(
        v8(start("S"), task("T", "T", "data"), gateway("G", "F1"), end("E"),
            flow("F1", "S", "T"), flow("F2", "T", "G"), flow("F3", "G", "E")),
        "Exclusive gateway G has default flow F1, which is not one of its outgoing sequence flows");
  }

  @Test
  void aTaskWithSeveralOutgoingFlowsIsRefused() {
    assertRefused(
        v8(start("S"), task("T", "T", "data"), end("E1"), end("E2"),
            flow("F1", "S", "T"), flow("F2", "T", "E1"), flow("F3", "T", "E2")),
        "Task T has several outgoing sequence flows; branch with an exclusive gateway");
  }

  @Test
  void aTaskWithoutAWayOnIsRefused() {
    assertRefused(v8(start("S"), task("T", "T", "data"), flow("F1", "S", "T")),
        "Task T has no outgoing sequence flow");
  }

  @Test
  void aStartEventLeadingStraightToTheEndIsRefused() {
    assertRefused(v8(start("S"), end("E"), flow("F1", "S", "E")),
        "Start event S leads to end event E without a task");
  }

  @Test
  void aLoopOfGatewaysIsRefused() {
    assertRefused(
        v8(start("S"), task("T", "T", "data"), gateway("G1", null), gateway("G2", null),
            flow("F1", "S", "T"), flow("F2", "T", "G1"), flow("F3", "G1", "G2"), flow("F4", "G2", "G1")),
        "Exclusive gateway G1 is part of a loop of gateways");
  }

  @Test
  void anIdUsedTwiceIsRefused() {
    assertRefused(
        v8(start("S"), task("S", "T", "data"), end("E"), flow("F1", "S", "E")),
        "Element id S is used more than once");
  }
}
