package no.instanceplatform.storage.platform;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.PartyAuthorizations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The parties a user may represent, from Altinn Authorization's party list ({@code GET {parties-url}?userId=}). */
@Component
@ConditionalOnBooleanProperty(name = "storage.local-platform.enabled", havingValue = false, matchIfMissing = true)
public class AltinnPartyAuthorizations implements PartyAuthorizations {

  private final PlatformHttp http;
  private final URI partiesUrl;

  AltinnPartyAuthorizations(RestClient.Builder builder, PlatformProperties properties) {
    this(builder, properties.partiesUrl());
  }

  public AltinnPartyAuthorizations(RestClient.Builder builder, URI partiesUrl) {
    this.partiesUrl = PlatformHttp.required(partiesUrl, "storage.platform.parties-url",
        "https://platform.altinn.no/authorization/api/v1/parties");
    this.http = new PlatformHttp(builder, "authorization service");
  }

  @Override
  public boolean mayRepresent(Caller.User user, String partyId) {
    if (partyId.equals(user.partyId())) {
      return true;
    }
    URI uri = UriComponentsBuilder.fromUri(partiesUrl).queryParam("userId", user.userId()).build().toUri();
    Set<String> ids = new HashSet<>();
    collect(http.get(uri), ids);
    return ids.contains(partyId);
  }

  /** A party's sub-units (childParties) may be represented too. */
  private static void collect(JsonNode parties, Set<String> ids) {
    if (parties == null || !parties.isArray()) {
      return;
    }
    for (JsonNode party : parties) {
      if (party.hasNonNull("partyId")) {
        ids.add(party.get("partyId").asString());
      }
      collect(party.get("childParties"), ids);
    }
  }
}
