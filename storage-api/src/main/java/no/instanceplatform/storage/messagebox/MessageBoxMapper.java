package no.instanceplatform.storage.messagebox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.MessageBoxInstance;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.stereotype.Component;

/**
 * Turns instances into message box instances for one caller: the app's title in the caller's language, and what
 * the caller may do with each (write, delete, make a new copy).
 */
@Component
class MessageBoxMapper {

  private final AccessPolicy policy;
  private final ApplicationStore applications;
  private final Clock clock;

  MessageBoxMapper(AccessPolicy policy, ApplicationStore applications, Clock clock) {
    this.policy = policy;
    this.applications = applications;
    this.clock = clock;
  }

  /** The view of one request: each app is looked up once, and each party's write permission decided once. */
  View view(Caller caller, MessageBoxLanguage language) {
    return new View(caller, language);
  }

  /** One request's mapping, with its look-ups remembered. */
  final class View {

    private final Caller caller;
    private final MessageBoxLanguage language;
    private final Instant now = clock.instant();
    private final Map<String, Optional<Application>> apps = new HashMap<>();
    private final Map<String, Boolean> mayWrite = new HashMap<>();

    private View(Caller caller, MessageBoxLanguage language) {
      this.caller = caller;
      this.language = language;
    }

    /** Applications the request has read already (a title search reads them all), so they are not read again. */
    View knowing(Collection<Application> known) {
      known.forEach(app -> apps.putIfAbsent(app.id(), Optional.of(app)));
      return this;
    }

    MessageBoxInstance map(Instance instance) {
      InstanceStatus status = instance.statusOrInitial();
      Optional<Application> app = application(instance.appId());
      boolean writable = mayWrite(instance);
      boolean archived = status.isArchived();
      return new MessageBoxInstance(
          instance.instanceGuid(),
          Long.parseLong(instance.instanceOwner().partyId()),
          instance.org(),
          instance.appId().substring(instance.appId().indexOf('/') + 1),
          app.map(a -> language.titleOf(a.title())).orElse(null),
          instance.process() == null || instance.process().currentTask() == null ? null
              : instance.process().currentTask().elementId(),
          instance.created(),
          instance.lastChangedBy(),
          instance.lastChanged(),
          instance.dueBefore(),
          writable && !(archived && isProtected(status, app)),
          writable,
          archived && app.map(a -> a.copyInstanceSettings() != null && a.copyInstanceSettings().enabled())
              .orElse(false),
          status.softDeleted(),
          status.archived(),
          status.readStatus(),
          status.substatus());
    }

    private Optional<Application> application(String appId) {
      return apps.computeIfAbsent(appId, id -> applications.find(AppId.parse(id)));
    }

    /**
     * Whether {@link AccessPolicy} lets the caller write the instance. The rules look at the party, the org, the
     * visibility and hard deletion; instances alike in those get the same answer, so the party list is asked
     * once per party rather than once per instance.
     */
    private boolean mayWrite(Instance instance) {
      boolean visible = instance.visibleAfter() == null || !instance.visibleAfter().isAfter(now);
      boolean hardDeleted = instance.status() != null && instance.status().isHardDeleted();
      String key = instance.instanceOwner().partyId() + "|" + instance.org() + "|" + visible + "|" + hardDeleted;
      return mayWrite.computeIfAbsent(key, k -> {
        try {
          policy.require(caller, InstanceAction.WRITE, instance);
          return true;
        } catch (StorageException refused) {
          if (refused.kind() == StorageException.Kind.FORBIDDEN || refused.kind() == StorageException.Kind.NOT_FOUND) {
            return false;
          }
          throw refused;
        }
      });
    }

    /** An archived instance of an app that protects its instances, within the protection. */
    private boolean isProtected(InstanceStatus status, Optional<Application> app) {
      Integer days = app.map(Application::preventInstanceDeletionForDays).orElse(null);
      return days != null && days > 0 && status.archived() != null
          && status.archived().plus(Duration.ofDays(days)).isAfter(now);
    }
  }
}
