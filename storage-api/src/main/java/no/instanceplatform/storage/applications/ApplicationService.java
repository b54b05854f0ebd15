package no.instanceplatform.storage.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.ApplicationList;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.security.Caller;
import org.springframework.stereotype.Service;

/** The rules for application metadata: who an application is, when it was stamped, and how it goes away. */
@Service
public class ApplicationService {

  private final ApplicationStore store;
  private final AccessPolicy policy;
  private final Clock clock;

  ApplicationService(ApplicationStore store, AccessPolicy policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /** All applications, or those of one org when {@code org} is not null. */
  public ApplicationList list(String org, Caller caller) {
    return new ApplicationList(store.findAll(org == null ? null : AppId.requireValidOrg(org)));
  }

  public Application get(AppId appId, Caller caller) {
    return store.find(appId).orElseThrow(() -> notFound(appId));
  }

  /** Stores the application, replacing an existing one but keeping when and by whom it was first created. */
  public Application upsert(AppId appId, Application application, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    return store.upsert(stamped(appId, application, caller));
  }

  public Application replace(AppId appId, Application application, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    return store.replace(stamped(appId, application, caller)).orElseThrow(() -> notFound(appId));
  }

  /** A soft delete ends the application's validity now and keeps it; a hard delete removes it. */
  public Application delete(AppId appId, boolean hard, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    var deleted = hard ? store.remove(appId) : store.expire(appId, clock.instant(), caller.id());
    return deleted.orElseThrow(() -> notFound(appId));
  }

  /** The application with what the server decides: its identity from the path and the change stamps. */
  private Application stamped(AppId appId, Application body, Caller caller) {
    requireMatching("id", body.id(), appId.toString(), appId);
    requireMatching("org", body.org(), appId.org(), appId);
    requireMatching("app", body.app(), appId.app(), appId);
    Instant now = clock.instant();
    return new Application(
        appId.toString(),
        body.versionId(),
        appId.org(),
        appId.app(),
        now,
        caller.id(),
        now,
        caller.id(),
        body.title(),
        body.processId(),
        Objects.requireNonNullElse(body.validFrom(), now),
        body.validTo(),
        body.maxSize(),
        Objects.requireNonNullElse(body.dataTypes(), List.of()),
        body.partyTypesAllowed(),
        body.autoDeleteOnProcessEnd(),
        body.presentationFields(),
        body.dataFields(),
        body.copyInstanceSettings(),
        body.preventInstanceDeletionForDays());
  }

  private static void requireMatching(String field, String given, String expected, AppId appId) {
    if (given != null && !given.equals(expected)) {
      throw StorageException.invalid("The application's " + field + " '" + given + "' does not match the appId '"
          + appId + "'.");
    }
  }

  private static StorageException notFound(AppId appId) {
    return StorageException.notFound("There is no application '" + appId + "'.");
  }
}
