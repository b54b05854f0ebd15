package no.instanceplatform.storage.localplatform;

import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.PartyAuthorizations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The parties a test user may represent, from the local platform's test data. */
@Component
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class LocalPartyAuthorizations implements PartyAuthorizations {

  private final LocalTestData testData;

  LocalPartyAuthorizations(LocalTestData testData) {
    this.testData = testData;
  }

  @Override
  public boolean mayRepresent(Caller.User user, String partyId) {
    return testData.partiesOf(user.userId()).stream().anyMatch(party -> party.partyId().equals(partyId));
  }
}
