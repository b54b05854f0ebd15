package no.instanceplatform.app.process;

import static no.instanceplatform.app.process.BpmnFixtures.end;
import static no.instanceplatform.app.process.BpmnFixtures.flow;
import static no.instanceplatform.app.process.BpmnFixtures.parse;
import static no.instanceplatform.app.process.BpmnFixtures.start;
import static no.instanceplatform.app.process.BpmnFixtures.task;
import static no.instanceplatform.app.process.BpmnFixtures.v8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ValidationStatus;
import org.junit.jupiter.api.Test;

class ProcessEngineTests {

  private static final Instant T0 = Instant.parse("2020-11-18T15:56:41.566Z");
  private static final String INSTANCE = "501337/bd9edd59-b18c-4726-aa9e-6b150eade814";
  private static final String PARTY = "501337";
  private static final PlatformUser SOPHIE = new PlatformUser(1337, null, 2, null, "01039012345");

  private final StepClock clock = new StepClock(T0);
  private final ProcessEngine engine = new ProcessEngine(clock);
  private final ProcessDefinition sailor = BpmnFixtures.sailor();

  @Test
  void startMovesFromTheStartEventToTheFirstTaskRecordingBothSteps() {
    ProcessTransition started = engine.start(sailor, SOPHIE, INSTANCE, PARTY);

    ProcessState atStart = new ProcessState(
        T0, "StartEvent_1", new ProcessElementInfo(1, null, "StartEvent_1", null, null, null, null), null, null);
    ProcessState atTask1 = new ProcessState(
        T0, "StartEvent_1", new ProcessElementInfo(2, T0, "Task_1", "Utfylling", "data", null, null), null, null);
    assertThat(started.newState()).isEqualTo(atTask1);
    assertThat(started.events()).containsExactly(
        event("process_StartEvent", T0, atStart),
        event("process_StartTask", T0, atTask1));
  }

  @Test
  void nextWalksEveryTaskThroughTheGatewayToTheEndRecordingAltinnsEvents() {
    ProcessState task1 = engine.start(sailor, SOPHIE, INSTANCE, PARTY).newState();

    Instant t1 = clock.advance();
    ProcessTransition toTask2 = engine.next(sailor, task1, null, SOPHIE, INSTANCE, PARTY);
    ProcessState task2 = new ProcessState(
        T0, "StartEvent_1", new ProcessElementInfo(3, t1, "Task_2", "Mannskap", "data", null, null), null, null);
    assertThat(toTask2.newState()).isEqualTo(task2);
    assertThat(toTask2.events()).containsExactly(
        event("process_EndTask", t1, task1), event("process_StartTask", t1, task2));

    Instant t2 = clock.advance();
    ProcessTransition toTask3 = engine.next(sailor, task2, "write", SOPHIE, INSTANCE, PARTY);
    ProcessState task3 = new ProcessState(T0, "StartEvent_1",
        new ProcessElementInfo(4, t2, "Task_3", "Bekreftelse", "confirmation", null, null), null, null);
    assertThat(toTask3.newState()).isEqualTo(task3);
    assertThat(toTask3.events()).containsExactly(
        event("process_EndTask", t2, task2), event("process_StartTask", t2, task3));

    Instant t3 = clock.advance();
    ProcessTransition toEnd = engine.next(sailor, task3, "confirm", SOPHIE, INSTANCE, PARTY);
    ProcessState ended = new ProcessState(T0, "StartEvent_1", null, t3, "EndEvent_1");
    assertThat(toEnd.newState()).isEqualTo(ended);
    assertThat(toEnd.events()).containsExactly(
        event("process_EndTask", t3, task3), event("process_EndEvent", t3, ended), event("Submited", t3, ended));
  }

  @Test
  void theNextTaskStartsUnvalidatedWhateverTheCurrentTasksValidation() {
    ProcessState task1 = engine.start(sailor, SOPHIE, INSTANCE, PARTY).newState();
    ProcessElementInfo validated = new ProcessElementInfo(
        2, T0, "Task_1", "Utfylling", "data", null, new ValidationStatus(T0, true));
    ProcessState validatedTask1 = new ProcessState(task1.started(), task1.startEvent(), validated, null, null);

    ProcessTransition next = engine.next(sailor, validatedTask1, "write", SOPHIE, INSTANCE, PARTY);

    assertThat(next.newState().currentTask().validated()).isNull();
    assertThat(next.events().getFirst().processInfo()).isEqualTo(validatedTask1);
  }

  @Test
  void aDataTaskAcceptsWriteOrNoActionAndRefusesTheOthers() {
    ProcessState task1 = engine.start(sailor, SOPHIE, INSTANCE, PARTY).newState();

    assertThat(engine.next(sailor, task1, "write", SOPHIE, INSTANCE, PARTY).newState().currentTask().elementId())
        .isEqualTo("Task_2");
    assertThat(engine.next(sailor, task1, "", SOPHIE, INSTANCE, PARTY).newState().currentTask().elementId())
        .isEqualTo("Task_2");
    for (String action : List.of("confirm", "reject", "sign", "Write")) {
      assertThatThrownBy(() -> engine.next(sailor, task1, action, SOPHIE, INSTANCE, PARTY))
          .isInstanceOf(ProcessActionNotAllowedException.class)
          .hasMessage("Action '" + action + "' is not allowed on the data task Task_1; allowed: write");
    }
  }

  @Test
  void aConfirmationTaskAcceptsConfirmOrNoActionAndRefusesWriteAndReject() {
    ProcessState task3 = new ProcessState(T0, "StartEvent_1",
        new ProcessElementInfo(4, T0, "Task_3", "Bekreftelse", "confirmation", null, null), null, null);

    assertThat(engine.next(sailor, task3, "confirm", SOPHIE, INSTANCE, PARTY).newState().endEvent())
        .isEqualTo("EndEvent_1");
    assertThat(engine.next(sailor, task3, null, SOPHIE, INSTANCE, PARTY).newState().endEvent())
        .isEqualTo("EndEvent_1");
    for (String action : List.of("write", "reject")) {
      assertThatThrownBy(() -> engine.next(sailor, task3, action, SOPHIE, INSTANCE, PARTY))
          .isInstanceOfSatisfying(ProcessActionNotAllowedException.class, refused -> {
            assertThat(refused.action()).isEqualTo(action);
            assertThat(refused.taskType()).isEqualTo("confirmation");
          })
          .hasMessageContaining("allowed: confirm");
    }
  }

  @Test
  void aFeedbackTaskAcceptsWrite() {
    ProcessDefinition feedback = parse(v8(start("S"), task("T", "Tilbakemelding", "feedback"), end("E"),
        flow("F1", "S", "T"), flow("F2", "T", "E")));
    ProcessState atFeedback = engine.start(feedback, SOPHIE, INSTANCE, PARTY).newState();

    assertThat(engine.next(feedback, atFeedback, "write", SOPHIE, INSTANCE, PARTY).newState().endEvent())
        .isEqualTo("E");
    assertThatThrownBy(() -> engine.next(feedback, atFeedback, "confirm", SOPHIE, INSTANCE, PARTY))
        .isInstanceOf(ProcessActionNotAllowedException.class);
  }

  @Test
  void nextOnAProcessNotStartedIsAStateError() {
    ProcessState notStarted = new ProcessState(null, null, null, null, null);

    for (ProcessState state : new ProcessState[] {null, notStarted}) {
      assertThatThrownBy(() -> engine.next(sailor, state, null, SOPHIE, INSTANCE, PARTY))
          .isInstanceOf(ProcessStateException.class)
          .hasMessage("The process of instance " + INSTANCE + " has not been started");
    }
  }

  @Test
  void nextOnAnEndedProcessIsAStateErrorWhateverTheAction() {
    ProcessState ended = new ProcessState(T0, "StartEvent_1", null, T0, "EndEvent_1");

    assertThatThrownBy(() -> engine.next(sailor, ended, "confirm", SOPHIE, INSTANCE, PARTY))
        .isInstanceOf(ProcessStateException.class)
        .hasMessage("The process of instance " + INSTANCE + " has already ended");
  }

  @Test
  void nextFromATaskTheProcessDoesNotHaveIsAStateError() {
    ProcessState lost = new ProcessState(
        T0, "StartEvent_1", new ProcessElementInfo(2, T0, "Task_9", "Gone", "data", null, null), null, null);

    assertThatThrownBy(() -> engine.next(sailor, lost, null, SOPHIE, INSTANCE, PARTY))
        .isInstanceOf(ProcessStateException.class)
        .hasMessage("The current task Task_9 of instance " + INSTANCE + " is not a task of the app's process");
  }

  private static InstanceEvent event(String type, Instant created, ProcessState processInfo) {
    return new InstanceEvent(null, INSTANCE, null, type, created, PARTY, SOPHIE, processInfo);
  }

  /** A clock that stands still until the test moves it on a minute. */
  private static final class StepClock extends Clock {

    private Instant now;

    StepClock(Instant now) {
      this.now = now;
    }

    Instant advance() {
      now = now.plusSeconds(60);
      return now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }
  }
}
