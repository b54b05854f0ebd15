package no.instanceplatform.storage.security;

import no.instanceplatform.security.Caller;

/** Port to the authorization service that knows which parties a user may represent. */
public interface PartyAuthorizations {

  /** Whether the user may act for the party: it is the user's own, or one the user represents. */
  boolean mayRepresent(Caller.User user, String partyId);
}
