package no.instanceplatform.app.security;

import java.util.Set;

/** Who is calling, as the validated token's Altinn claims name them. */
public sealed interface Caller {

  /** A person logged in to Altinn, acting for themselves or a party they represent. */
  record User(int userId, String partyId, int authenticationLevel) implements Caller {}

  /** An app owner (service owner) system, identified by its org short name. */
  record AppOwner(String org, String orgNumber, Set<String> scopes) implements Caller {

    public boolean hasScope(String scope) {
      return scopes.contains(scope);
    }
  }

  /** Nobody: no token was presented (only the anonymous routes let such a request through). */
  record Anonymous() implements Caller {}
}
