package no.instanceplatform.storage.platform;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import no.instanceplatform.storage.query.PartyRegister;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Parties by national identity, from Altinn Register's party lookup ({@code POST {register-url}/parties/lookup}). */
@Component
@ConditionalOnBooleanProperty(name = "storage.local-platform.enabled", havingValue = false, matchIfMissing = true)
public class AltinnPartyRegister implements PartyRegister {

  private final PlatformHttp http;
  private final URI lookupUrl;

  AltinnPartyRegister(RestClient.Builder builder, PlatformProperties properties) {
    this(builder, properties.registerUrl());
  }

  public AltinnPartyRegister(RestClient.Builder builder, URI registerUrl) {
    URI base = PlatformHttp.required(registerUrl, "storage.platform.register-url",
        "https://platform.altinn.no/register/api/v1");
    this.lookupUrl = URI.create(base.toString().replaceAll("/+$", "") + "/parties/lookup");
    this.http = new PlatformHttp(builder, "register");
  }

  @Override
  public Optional<String> partyIdOfPerson(String nationalIdentityNumber) {
    return partyId(Map.of("ssn", nationalIdentityNumber));
  }

  @Override
  public Optional<String> partyIdOfOrganisation(String organisationNumber) {
    return partyId(Map.of("orgNo", organisationNumber));
  }

  private Optional<String> partyId(Map<String, String> lookup) {
    return http.lookup(lookupUrl, lookup).map(party -> party.path("partyId")).filter(JsonNode::isValueNode)
        .map(JsonNode::asString);
  }
}
