package no.instanceplatform.storage.security.altinn;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.security.Caller;
import no.instanceplatform.security.CallerAuthentication;
import no.instanceplatform.storage.security.PartyAuthorizations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The parties a user may represent, asked of Altinn Authorization's party list
 * ({@code GET {parties-url}?userId=}) with the user's own token, as the platform's services do.
 */
@Component
@ConditionalOnBooleanProperty(name = "storage.local-platform.enabled", havingValue = false, matchIfMissing = true)
public class AltinnPartyAuthorizations implements PartyAuthorizations {

  private final RestClient http;
  private final URI partiesUrl;

  AltinnPartyAuthorizations(RestClient.Builder builder, AuthorizationProperties properties) {
    this(builder, properties.partiesUrl());
  }

  public AltinnPartyAuthorizations(RestClient.Builder builder, URI partiesUrl) {
    if (partiesUrl == null || partiesUrl.toString().isBlank()) {
      throw new IllegalStateException("Set storage.authorization.parties-url to Altinn Authorization's party list "
          + "(for example https://platform.altinn.no/authorization/api/v1/parties).");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.http = builder.clone().requestFactory(requests).build();
    this.partiesUrl = partiesUrl;
  }

  @Override
  public boolean mayRepresent(Caller.User user, String partyId) {
    if (partyId.equals(user.partyId())) {
      return true;
    }
    return partiesOf(user).contains(partyId);
  }

  private Set<String> partiesOf(Caller.User user) {
    URI uri = UriComponentsBuilder.fromUri(partiesUrl).queryParam("userId", user.userId()).build().toUri();
    try {
      JsonNode parties = http.get().uri(uri)
          .headers(headers -> headers.setBearerAuth(currentToken()))
          .retrieve()
          .body(JsonNode.class);
      Set<String> ids = new HashSet<>();
      collect(parties, ids);
      return ids;
    } catch (RestClientException e) {
      throw StorageException.unavailable("The authorization service did not answer. Try again shortly.");
    }
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

  private static String currentToken() {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
      return authentication.getCredentials().getTokenValue();
    }
    throw new IllegalStateException("The party list is asked for on behalf of an authenticated user only");
  }
}
