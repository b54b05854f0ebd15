package no.instanceplatform.app.storageclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A party as Altinn Register answers it, the fields the App API uses. {@code partyTypeName} is Register's number:
 * 1 person, 2 organisation, 3 self-identified user, 4 sub-unit, 5 bankruptcy estate.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterParty(String partyId, int partyTypeName, String orgNumber, String ssn, String unitType,
    String name) {

  public static final int PERSON = 1;
  public static final int ORGANISATION = 2;
  public static final int SUB_UNIT = 4;
  public static final int BANKRUPTCY_ESTATE = 5;
}
