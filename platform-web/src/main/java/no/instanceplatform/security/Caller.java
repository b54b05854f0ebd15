package no.instanceplatform.security;

import java.util.Set;
import no.instanceplatform.model.PlatformUser;

/** Who is calling, as the validated token's Altinn claims name them; every service method is told. */
public sealed interface Caller {

  /** The identifier written into {@code createdBy} and {@code lastChangedBy}. */
  String id();

  /** The caller as an instance event records it. */
  PlatformUser asPlatformUser();

  /** A person logged in to Altinn, acting for themselves or a party they represent. */
  record User(int userId, String partyId, int authenticationLevel) implements Caller {
    @Override
    public String id() {
      return Integer.toString(userId);
    }

    @Override
    public PlatformUser asPlatformUser() {
      return new PlatformUser(userId, null, authenticationLevel, null, null);
    }
  }

  /** An app owner (service owner) system, identified by its org short name. */
  record AppOwner(String org, String orgNumber, Set<String> scopes) implements Caller {
    @Override
    public String id() {
      return orgNumber != null ? orgNumber : org;
    }

    @Override
    public PlatformUser asPlatformUser() {
      return new PlatformUser(null, org, 3, null, null);
    }

    public boolean hasScope(String scope) {
      return scopes.contains(scope);
    }
  }

  /** Nobody: no token was presented (only the anonymous routes let such a request through). */
  record Anonymous() implements Caller {
    @Override
    public String id() {
      return null;
    }

    @Override
    public PlatformUser asPlatformUser() {
      return new PlatformUser(null, null, 0, null, null);
    }
  }
}
