package no.instanceplatform.storage.security;

import no.instanceplatform.security.Caller;

import java.time.Clock;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.stereotype.Component;

/**
 * Who may do what, in one place, deny by default. A caller who may not know that an instance exists is told it
 * was not found (404); a caller who may know it but not do this is refused (403).
 */
@Component
public class AccessPolicy {

  public static final String READ_SCOPE = "altinn:serviceowner/instances.read";
  public static final String WRITE_SCOPE = "altinn:serviceowner/instances.write";
  public static final String DEPLOY_SCOPE = "altinn:appdeploy";
  static final int WRITE_AUTHENTICATION_LEVEL = 2;

  private final PartyAuthorizations parties;
  private final Clock clock;

  AccessPolicy(PartyAuthorizations parties, Clock clock) {
    this.parties = parties;
    this.clock = clock;
  }

  /** Refuses unless the caller may do {@code action} with the instance. */
  public void require(Caller caller, InstanceAction action, Instance instance) {
    switch (caller) {
      case Caller.User user -> requireUser(user, action, instance);
      case Caller.AppOwner owner -> requireAppOwner(owner, action, instance);
      case Caller.Anonymous anonymous -> throw notFound(instance);
    }
  }

  /** Refuses unless the caller may create an instance owned by the party, of an app of {@code appOrg}. */
  public void requireInstantiate(Caller caller, String partyId, String appOrg) {
    switch (caller) {
      case Caller.User user -> {
        if (!parties.mayRepresent(user, partyId)) {
          throw StorageException.forbidden("User " + user.userId() + " may not act for party " + partyId + ".");
        }
        requireLevel(user);
      }
      case Caller.AppOwner owner -> {
        if (!owner.org().equals(appOrg)) {
          throw StorageException.forbidden("App owner " + owner.org() + " may not create instances of an app of "
              + appOrg + ".");
        }
        requireScope(owner, WRITE_SCOPE);
      }
      case Caller.Anonymous anonymous -> throw StorageException.forbidden("Creating instances requires a caller.");
    }
  }

  /**
   * Refuses unless the caller is a user who may list the party's instances. The caller named the party, so a
   * refusal is 403: it tells nothing the caller did not know.
   */
  public void requirePartyListing(Caller caller, String partyId) {
    if (!(caller instanceof Caller.User user) || !parties.mayRepresent(user, partyId)) {
      throw StorageException.forbidden("The caller may not list the instances of party " + partyId + ".");
    }
  }

  /** Refuses unless the caller is the app owner {@code org} with the read scope. */
  public void requireOrgListing(Caller caller, String org) {
    if (!(caller instanceof Caller.AppOwner owner) || !owner.org().equals(org)) {
      throw StorageException.forbidden("Only the app owner " + org + " may list its instances.");
    }
    requireScope(owner, READ_SCOPE);
  }

  /** Refuses unless the caller is the app owner {@code org} deploying apps ({@code altinn:appdeploy}). */
  public void requireAppDeploy(Caller caller, String org) {
    if (!(caller instanceof Caller.AppOwner owner) || !owner.org().equals(org)) {
      throw StorageException.forbidden("Only the app owner " + org + " may change its applications and texts.");
    }
    requireScope(owner, DEPLOY_SCOPE);
  }

  private void requireUser(Caller.User user, InstanceAction action, Instance instance) {
    boolean visible = instance.visibleAfter() == null || !instance.visibleAfter().isAfter(clock.instant());
    boolean hardDeleted = instance.status() != null && instance.status().isHardDeleted();
    if (hardDeleted || !visible || !parties.mayRepresent(user, instance.instanceOwner().partyId())) {
      throw notFound(instance);
    }
    switch (action) {
      case READ -> { }
      case WRITE -> requireLevel(user);
      case APP_OWNER_WRITE -> throw StorageException.forbidden("Only the app owner may do this.");
    }
  }

  private static void requireAppOwner(Caller.AppOwner owner, InstanceAction action, Instance instance) {
    if (!owner.org().equals(instance.org())) {
      throw notFound(instance);
    }
    requireScope(owner, action == InstanceAction.READ ? READ_SCOPE : WRITE_SCOPE);
  }

  private static void requireLevel(Caller.User user) {
    if (user.authenticationLevel() < WRITE_AUTHENTICATION_LEVEL) {
      throw StorageException.forbidden("This needs authentication level " + WRITE_AUTHENTICATION_LEVEL
          + " or higher; the token has level " + user.authenticationLevel() + ".");
    }
  }

  private static void requireScope(Caller.AppOwner owner, String scope) {
    if (!owner.scopes().contains(scope)) {
      throw StorageException.forbidden("The token lacks the scope " + scope + ".");
    }
  }

  /** The same answer as for an instance that does not exist. */
  private static StorageException notFound(Instance instance) {
    return StorageException.notFound("Instance " + instance.id() + " was not found.");
  }
}
