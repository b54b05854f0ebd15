package no.instanceplatform.storage.query;

import java.util.Optional;

/** Port to the register that knows which party a national identity number or organisation number is. */
public interface PartyRegister {

  Optional<String> partyIdOfPerson(String nationalIdentityNumber);

  Optional<String> partyIdOfOrganisation(String organisationNumber);
}
