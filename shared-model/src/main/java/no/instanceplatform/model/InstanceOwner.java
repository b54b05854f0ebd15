package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Identifies the party that owns an instance: a person, an organisation or a self-identified user. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"partyId", "personNumber", "organisationNumber", "username"})
public record InstanceOwner(
    String partyId,
    String personNumber,
    String organisationNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL) String username) {

  public static InstanceOwner ofParty(String partyId) {
    return new InstanceOwner(partyId, null, null, null);
  }
}
