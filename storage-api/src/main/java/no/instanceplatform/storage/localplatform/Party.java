package no.instanceplatform.storage.localplatform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A party as Altinn Register answers it: a person ({@code partyTypeName} 1) or an organisation (2), with the
 * person's or organisation's details.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"partyId", "partyUuid", "partyTypeName", "orgNumber", "ssn", "unitType", "name", "isDeleted",
    "onlyHierarchyElementWithNoAccess", "person", "organization", "childParties"})
public record Party(
    String partyId,
    String partyUuid,
    int partyTypeName,
    String orgNumber,
    String ssn,
    String unitType,
    String name,
    @JsonProperty("isDeleted") boolean isDeleted,
    boolean onlyHierarchyElementWithNoAccess,
    Map<String, Object> person,
    Map<String, Object> organization,
    List<Party> childParties) {

  public static final int PERSON = 1;
  public static final int ORGANISATION = 2;
}
