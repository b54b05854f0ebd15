package no.instanceplatform.app.process;

import static no.instanceplatform.app.process.BpmnFixtures.conditionalFlow;
import static no.instanceplatform.app.process.BpmnFixtures.end;
import static no.instanceplatform.app.process.BpmnFixtures.flow;
import static no.instanceplatform.app.process.BpmnFixtures.gateway;
import static no.instanceplatform.app.process.BpmnFixtures.parse;
import static no.instanceplatform.app.process.BpmnFixtures.start;
import static no.instanceplatform.app.process.BpmnFixtures.task;
import static no.instanceplatform.app.process.BpmnFixtures.v8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import no.instanceplatform.app.process.ProcessElement.EndEvent;
import no.instanceplatform.app.process.ProcessElement.ExclusiveGateway;
import no.instanceplatform.app.process.ProcessElement.ProcessTask;
import no.instanceplatform.app.process.ProcessElement.StartEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpmnParserTests {

  @Test
  void theSampleAppsProcessRunsThroughThreeTasksAndAGatewayToTheEnd() {
    ProcessDefinition sailor = BpmnFixtures.sailor();

    assertThat(sailor.id()).isEqualTo("Sailor");
    assertThat(sailor.startEvent()).isEqualTo(new StartEvent("StartEvent_1"));
    assertThat(sailor.tasks()).containsExactly(
        new ProcessTask("Task_1", "Utfylling", "data"),
        new ProcessTask("Task_2", "Mannskap", "data"),
        new ProcessTask("Task_3", "Bekreftelse", "confirmation"));
    assertThat(sailor.element("Gateway_1")).contains(new ExclusiveGateway("Gateway_1", "Flow_Gateway1_End"));
    assertThat(sailor.nextStop("StartEvent_1").id()).isEqualTo("Task_1");
    assertThat(sailor.nextStop("Task_1").id()).isEqualTo("Task_2");
    assertThat(sailor.nextStop("Task_2").id()).isEqualTo("Task_3");
    assertThat(sailor.nextStop("Task_3")).isEqualTo(new EndEvent("EndEvent_1"));
  }

  @Test
  void theV7AttributeFormGivesTheTaskTypeWhateverTheBpmnPrefix() {
    ProcessDefinition definition = parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:altinn="http://altinn.no" id="Altinn_SingleDataTask_Process_Definition">
          <bpmn2:process id="SingleDataTask" isExecutable="false">
            <bpmn2:startEvent id="StartEvent_1"><bpmn2:outgoing>SequenceFlow_1</bpmn2:outgoing></bpmn2:startEvent>
            <bpmn2:task id="Task_1" name="Utfylling" altinn:tasktype="data"/>
            <bpmn2:endEvent id="EndEvent_1"/>
            <bpmn2:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_1" targetRef="Task_1"/>
            <bpmn2:sequenceFlow id="SequenceFlow_2" sourceRef="Task_1" targetRef="EndEvent_1"/>
          </bpmn2:process>
        </bpmn2:definitions>
        """);

    assertThat(definition.tasks()).containsExactly(new ProcessTask("Task_1", "Utfylling", "data"));
    assertThat(definition.nextStop("Task_1")).isEqualTo(new EndEvent("EndEvent_1"));
  }

  @Test
  void elementsInTheDefaultNamespaceAndV8ExtensionsInTheV7NamespaceAreRead() {
    ProcessDefinition definition = parse("""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:a="http://altinn.no">
          <process id="P">
            <startEvent id="S"/>
            <task id="T"><extensionElements><a:taskExtension><a:taskType> feedback </a:taskType></a:taskExtension>
            </extensionElements></task>
            <endEvent id="E"/>
            <sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
            <sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
          </process>
        </definitions>
        """);

    assertThat(definition.task("T")).contains(new ProcessTask("T", null, "feedback"));
  }

  @Test
  void aGatewayTakesItsDefaultFlowAndLeavesConditionsUnevaluated() {
    ProcessDefinition definition = parse(v8(
        start("S"), task("T1", "One", "data"), task("T2", "Two", "confirmation"), gateway("G", "F_default"),
        end("E"),
        flow("F1", "S", "T1"), flow("F2", "T1", "T2"), flow("F3", "T2", "G"),
        conditionalFlow("F_reject", "G", "T1", "[\"equals\", [\"gatewayAction\"], \"reject\"]"),
        flow("F_default", "G", "E")));

    assertThat(definition.nextStop("T2")).isEqualTo(new EndEvent("E"));
    assertThat(definition.outgoing("G")).first()
        .isEqualTo(new SequenceFlow("F_reject", "G", "T1", "[\"equals\", [\"gatewayAction\"], \"reject\"]"));
  }

  @Test
  void gatewaysInARowAreFollowedToTheNextTask() {
    ProcessDefinition definition = parse(v8(
        start("S"), gateway("G1", null), gateway("G2", "F3"), task("T", "T", "data"), end("E"),
        flow("F1", "S", "G1"), flow("F2", "G1", "G2"), flow("F3", "G2", "T"), flow("F4", "T", "E")));

    assertThat(definition.nextStop("S").id()).isEqualTo("T");
  }

  @Test
  void malformedXmlIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> parse("<bpmn:definitions xmlns:bpmn=\"x\"><bpmn:process>"))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("not well-formed")
        .hasMessageContaining("line 1");
  }

  @Test
  void aDocumentThatIsNotBpmnIsRefused() {
    assertThatThrownBy(() -> parse("<html><body/></html>"))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("Not a BPMN 2.0 document");
  }

  @Test
  void aDoctypeWithAnExternalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "%s"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:altinn="http://altinn.no/process">
          <bpmn:process id="P">
            <bpmn:startEvent id="S"/>
            <bpmn:task id="T" name="&secret;" altinn:tasktype="data"/>
            <bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(secret.toUri());

    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void anEntityExpansionBombIsRefused() {
    String bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</bpmn:definitions>
        """;

    assertThatThrownBy(() -> parse(bomb)).isInstanceOf(InvalidProcessException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void aTaskWithoutATaskTypeIsRefusedByItsId() {
    String untyped = v8(start("S"), "<bpmn:task id=\"Task_9\" name=\"No type\"/>", end("E"),
        flow("F1", "S", "Task_9"), flow("F2", "Task_9", "E"));

    assertThatThrownBy(() -> parse(untyped))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("Task Task_9 has no Altinn task type");
  }

  @Test
  void anElementWithoutAnIdIsRefused() {
    assertThatThrownBy(() -> parse(v8("<bpmn:startEvent/>")))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessage("A startEvent element has no id");
  }

  @Test
  void aDocumentWithoutAProcessIsRefused() {
    assertThatThrownBy(() -> parse("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>"))
        .isInstanceOf(InvalidProcessException.class)
        .hasMessage("The BPMN document has no process element");
  }
}
