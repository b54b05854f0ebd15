package no.instanceplatform.storage.localplatform;

import java.util.Optional;
import no.instanceplatform.storage.query.PartyRegister;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Parties by national identity, from the local platform's test data. */
@Component
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class LocalPartyRegister implements PartyRegister {

  private final LocalTestData testData;

  LocalPartyRegister(LocalTestData testData) {
    this.testData = testData;
  }

  @Override
  public Optional<String> partyIdOfPerson(String nationalIdentityNumber) {
    return testData.partyBySsn(nationalIdentityNumber).map(Party::partyId);
  }

  @Override
  public Optional<String> partyIdOfOrganisation(String organisationNumber) {
    return testData.partyByOrgNumber(organisationNumber).map(Party::partyId);
  }
}
