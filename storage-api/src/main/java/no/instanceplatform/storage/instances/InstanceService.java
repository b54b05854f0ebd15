package no.instanceplatform.storage.instances;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.stereotype.Service;

/** The instance lifecycle: creation, reading, deletion, completion and the status fields. */
@Service
public class InstanceService {

  private final InstanceUpdater updater;
  private final ApplicationStore applications;
  private final AccessPolicy policy;
  private final InstanceLinks links;
  private final Clock clock;

  InstanceService(InstanceUpdater updater, ApplicationStore applications, AccessPolicy policy, InstanceLinks links,
      Clock clock) {
    this.updater = updater;
    this.applications = applications;
    this.policy = policy;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Creates an instance of an app from a client's template. Storage sets the identity, the ownership of the app,
   * the status, the data, the confirmations and the timestamps; the client chooses the owner, the deadlines and the
   * texts. Only an app owner (the app's runtime) may start it in a process state: an end user's process is ignored,
   * so that nobody can create an instance that skips the app's first tasks. A create repeated with the same
   * idempotency key answers the instance the first one made, as it is now.
   */
  public StoredInstance create(Caller caller, String appIdText, Instance template,
      Optional<IdempotencyKey> idempotencyKey) {
    AppId appId = AppId.parse(appIdText);
    if (template == null) {
      throw StorageException.invalid("The request body must be an instance template.");
    }
    String partyId = ownerPartyId(template);
    Application application = applications.find(appId)
        .orElseThrow(() -> StorageException.notFound("Application " + appId + " was not found."));
    policy.requireInstantiate(caller, partyId, application.org());
    Instant now = clock.instant();
    InstanceOwner owner = template.instanceOwner();
    String instanceGuid = idempotencyKey.map(key -> key.instanceGuid(caller, appId, partyId))
        .orElseGet(() -> UUID.randomUUID().toString());
    Instance instance = new Instance(
        partyId + "/" + instanceGuid,
        new InstanceOwner(partyId, owner.personNumber(), owner.organisationNumber(), owner.username()),
        appId.toString(),
        application.org(),
        null,
        template.dueBefore(),
        template.visibleAfter() != null && template.visibleAfter().isAfter(now) ? template.visibleAfter() : now,
        caller instanceof Caller.AppOwner ? template.process() : null,
        InstanceStatus.initial(),
        List.of(),
        List.of(),
        template.presentationTexts(),
        template.dataValues(),
        now,
        caller.id(),
        now,
        caller.id());
    try {
      return links.withLinks(updater.insert(instance, List.of(InstanceEvents.Created.of(instance, caller, now))));
    } catch (InstanceExistsException e) {
      if (idempotencyKey.isEmpty()) {
        throw e;
      }
      return links.withLinks(updater.readStored(caller, InstanceAction.READ, partyId, instanceGuid));
    }
  }

  public StoredInstance get(Caller caller, String partyId, String instanceGuid) {
    return links.withLinks(updater.readStored(caller, InstanceAction.READ, partyId, instanceGuid));
  }

  /**
   * Soft deletion moves the instance to the recycle bin; hard deletion makes it unrecoverable (and eligible for
   * physical removal). An archived instance of an app that protects its instances cannot be deleted until the
   * protection has run out.
   */
  public StoredInstance delete(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, boolean hard) {
    return update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid, current -> {
      Instant now = clock.instant();
      refuseIfProtected(current, now);
      InstanceStatus status = current.statusOrInitial();
      InstanceStatus deleted = hard ? status.withHardDeleted(now) : status.withSoftDeleted(now);
      Instance changed = current.withStatus(deleted).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.Deleted.of(changed, caller, now)));
    });
  }

  /** Records that the calling app owner no longer needs the instance; confirming twice changes nothing. */
  public StoredInstance complete(Caller caller, String partyId, String instanceGuid) {
    return update(caller, InstanceAction.APP_OWNER_WRITE, IfMatch.NONE, partyId, instanceGuid, current -> {
      Caller.AppOwner owner = (Caller.AppOwner) caller;
      List<CompleteConfirmation> confirmations =
          current.completeConfirmations() == null ? List.of() : current.completeConfirmations();
      if (confirmations.stream().anyMatch(c -> owner.org().equals(c.stakeholderId()))) {
        return InstanceChange.none(current);
      }
      Instant now = clock.instant();
      List<CompleteConfirmation> added = new ArrayList<>(confirmations);
      added.add(new CompleteConfirmation(owner.org(), now));
      Instance changed = current.withCompleteConfirmations(added).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.ConfirmedComplete.of(changed, caller, now)));
    });
  }

  /**
   * Read status is how the message box marks what a user has opened; as in Altinn it is not a change to the
   * exchange, so it records no event and leaves {@code lastChanged} alone.
   */
  public StoredInstance updateReadStatus(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      ReadStatus readStatus) {
    return update(caller, InstanceAction.READ, ifMatch, partyId, instanceGuid, current -> {
      InstanceStatus status = current.statusOrInitial();
      if (status.readStatus() == readStatus) {
        return InstanceChange.none(current);
      }
      return new InstanceChange(current.withStatus(status.withReadStatus(readStatus)), List.of());
    });
  }

  public StoredInstance updateSubstatus(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      Substatus substatus) {
    if (substatus == null || substatus.label() == null || substatus.label().isBlank()) {
      throw StorageException.invalid("The substatus must have a label.");
    }
    return update(caller, InstanceAction.APP_OWNER_WRITE, ifMatch, partyId, instanceGuid, current -> {
      Instant now = clock.instant();
      Instance changed = current.withStatus(current.statusOrInitial().withSubstatus(substatus)).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.SubstatusUpdated.of(changed, caller, now)));
    });
  }

  /**
   * Presentation texts and data values are extracted from form data that was saved (and recorded) already, so,
   * as in Altinn, merging them records no event of its own.
   */
  public StoredInstance updatePresentationTexts(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      Map<String, String> texts) {
    requireMap(texts, "texts");
    return update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid, current -> new InstanceChange(
        current.withPresentationTexts(merge(current.presentationTexts(), texts)).changedBy(clock.instant(),
            caller.id()), List.of()));
  }

  public StoredInstance updateDataValues(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      Map<String, String> values) {
    requireMap(values, "values");
    return update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid, current -> new InstanceChange(
        current.withDataValues(merge(current.dataValues(), values)).changedBy(clock.instant(), caller.id()),
        List.of()));
  }

  private StoredInstance update(Caller caller, InstanceAction action, IfMatch ifMatch, String partyId,
      String instanceGuid, Function<Instance, InstanceChange> change) {
    return links.withLinks(updater.update(caller, action, ifMatch, partyId, instanceGuid, change));
  }

  private void refuseIfProtected(Instance instance, Instant now) {
    InstanceStatus status = instance.statusOrInitial();
    if (!status.isArchived() || status.archived() == null) {
      return;
    }
    applications.find(AppId.parse(instance.appId()))
        .map(Application::preventInstanceDeletionForDays)
        .filter(days -> days > 0)
        .filter(days -> status.archived().plus(Duration.ofDays(days)).isAfter(now))
        .ifPresent(days -> {
          throw StorageException.forbidden("The instance was archived less than " + days
              + " days ago and cannot be deleted yet (the app's preventInstanceDeletionForDays).");
        });
  }

  private static String ownerPartyId(Instance template) {
    String partyId = template.instanceOwner() == null ? null : template.instanceOwner().partyId();
    if (partyId == null || partyId.isBlank()) {
      throw StorageException.invalid("The instance template must name its owner in instanceOwner.partyId.");
    }
    if (!partyId.matches("[1-9][0-9]{0,9}")) {
      throw StorageException.invalid("The instanceOwner.partyId '" + partyId + "' is not a party id.");
    }
    return partyId;
  }

  private static void requireMap(Map<String, String> map, String name) {
    if (map == null) {
      throw StorageException.invalid("The request body must have '" + name + "', an object of strings.");
    }
  }

  /** Merges {@code changes} into {@code current}; an empty or null value removes its key. */
  private static Map<String, String> merge(Map<String, String> current, Map<String, String> changes) {
    Map<String, String> merged = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
    changes.forEach((key, value) -> {
      if (value == null || value.isEmpty()) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }
}
