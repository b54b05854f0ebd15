package no.instanceplatform.app.process;

import java.util.List;
import java.util.UUID;
import no.instanceplatform.app.apps.AppInstances;
import no.instanceplatform.app.apps.AppMetadataService;
import no.instanceplatform.app.apps.AppRegistry;
import no.instanceplatform.app.apps.HostedApp;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessHistoryList;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ProcessStateUpdate;
import no.instanceplatform.security.CallerAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves an instance's process as Altinn's app-lib does: the current task's data is validated, then locked, and the
 * new state is stored with the events that record the move in one write to Storage. Storage decides who may read and
 * write the instance, with the caller's token; Storage archives the instance when its process ends.
 */
@Service
class ProcessService {

  private static final Logger log = LoggerFactory.getLogger(ProcessService.class);

  private final AppRegistry registry;
  private final AppMetadataService metadata;
  private final ProcessEngine engine;
  private final TaskValidator validator;
  private final InstanceClient instances;
  private final DataClient data;
  private final AppInstances appInstances;

  ProcessService(AppRegistry registry, AppMetadataService metadata, ProcessEngine engine,
      TaskValidator validator, InstanceClient instances, DataClient data, AppInstances appInstances) {
    this.registry = registry;
    this.metadata = metadata;
    this.engine = engine;
    this.validator = validator;
    this.instances = instances;
    this.data = data;
    this.appInstances = appInstances;
  }

  /** The instance's process state as Storage holds it; all fields null when its process has not started. */
  ProcessState state(String org, String app, InstanceRef ref, CallerAuthentication auth) {
    Instance instance = instanceOf(registry.require(org, app), ref, auth);
    return instance.process() != null ? instance.process() : new ProcessState(null, null, null, null, null);
  }

  ProcessHistoryList history(String org, String app, InstanceRef ref, CallerAuthentication auth) {
    instanceOf(registry.require(org, app), ref, auth);
    return instances.processHistory(ref, auth.tokenValue());
  }

  /**
   * Ends the current task and moves on to the next task or the end.
   *
   * @param action what the user did, {@code null} for none; it must be one the current task's type accepts
   */
  ProcessState next(String org, String app, InstanceRef ref, String action, CallerAuthentication auth) {
    Move move = prepare(org, app, ref, auth);
    return step(move, move.instance(), action).process();
  }

  /**
   * Moves through every remaining task to the end. A task that fails stops it there, and the moves made before it
   * stay stored, as in Altinn.
   */
  ProcessState completeProcess(String org, String app, InstanceRef ref, CallerAuthentication auth) {
    Move move = prepare(org, app, ref, auth);
    Instance instance = move.instance();
    // From any task the end is at most as many moves away as there are tasks, unless the flows loop.
    int movesLeft = move.definition().tasks().size();
    do {
      if (movesLeft-- == 0) {
        throw AppRuleException.conflict("The process of " + move.app().id() + " does not reach an end event from "
            + "task " + instance.process().currentTask().elementId() + ": its flows loop.");
      }
      instance = step(move, instance, null);
    } while (instance.process().ended() == null);
    return instance.process();
  }

  private Move prepare(String org, String app, InstanceRef ref, CallerAuthentication auth) {
    HostedApp hosted = registry.require(org, app);
    ProcessDefinition definition = hosted.process();
    if (definition == null) {
      throw AppRuleException.conflict("The app " + hosted.id() + " has no process (config/process/process.bpmn).");
    }
    Instance instance = instanceOf(hosted, ref, auth);
    requireOpen(instance);
    return new Move(hosted, metadata.application(org, app), definition, ref, auth, instance);
  }

  /** The instance, when it is one of this app's: another app's process must not move it. */
  private Instance instanceOf(HostedApp app, InstanceRef ref, CallerAuthentication auth) {
    return appInstances.get(metadata.application(app.org(), app.app()), ref, auth.tokenValue());
  }

  private static void requireOpen(Instance instance) {
    InstanceStatus status = instance.statusOrInitial();
    if (status.isHardDeleted() || status.isSoftDeleted()) {
      throw AppRuleException.conflict("Instance " + instance.id() + " is deleted; its process cannot move.");
    }
    // An ended process archived the instance; the engine names that case, as the process having ended.
    boolean ended = instance.process() != null && instance.process().ended() != null;
    if (status.isArchived() && !ended) {
      throw AppRuleException.conflict("Instance " + instance.id() + " is archived; its process cannot move.");
    }
  }

  /** One process move of one instance, with what every move of it needs. */
  private record Move(HostedApp app, Application application, ProcessDefinition definition, InstanceRef ref,
      CallerAuthentication auth, Instance instance) {}

  /**
   * Ends the instance's current task: the engine checks the process state and the action and computes the move, the
   * task's data is validated and then locked (at the end, all the instance's data), and the new state and its events
   * are stored together. Locking comes first so that a stored move never leaves the ended task's data open to change.
   */
  private Instance step(Move move, Instance instance, String action) {
    String token = move.auth().tokenValue();
    ProcessTransition transition = engine.next(move.definition(), instance.process(), action,
        move.auth().caller().asPlatformUser(), instance.id(), Long.toString(move.ref().partyId()));
    TaskData task = TaskData.of(move.application(), instance, instance.process().currentTask().elementId());
    List<ValidationIssue> issues = validator.validate(move.app(), task, move.ref(), token);
    if (!issues.isEmpty()) {
      throw new TaskValidationException(task.taskId(), issues);
    }
    // Reaching the end archives the instance: then every file is locked, also those of no task.
    boolean ends = transition.newState().ended() != null;
    List<DataElement> toLock = ends && instance.data() != null ? instance.data() : task.elements();
    for (DataElement element : toLock) {
      if (!element.locked()) {
        data.lock(move.ref(), UUID.fromString(element.id()), token);
      }
    }
    Instance moved = instances.updateProcess(move.ref(),
        new ProcessStateUpdate(transition.newState(), transition.events()), token);
    if (moved.process().ended() != null && move.application().autoDeleteOnProcessEnd()) {
      deleteEnded(move);
    }
    return moved;
  }

  /**
   * The app wants no trace of an ended instance. The process has ended and is stored whatever happens here, so a
   * failed deletion is logged, not answered as a failure of the move.
   */
  private void deleteEnded(Move move) {
    try {
      instances.delete(move.ref(), true, move.auth().tokenValue());
    } catch (RuntimeException e) {
      log.warn("Instance {} of {} ended but could not be deleted as the app asks (autoDeleteOnProcessEnd): {}",
          move.ref(), move.app().id(), e.getMessage());
    }
  }
}
