package no.instanceplatform.storage.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.security.AltinnClaims;
import no.instanceplatform.security.Caller;
import no.instanceplatform.security.CallerAuthentication;
import no.instanceplatform.storage.platform.AltinnPartyAuthorizations;
import no.instanceplatform.storage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The production adapter to Altinn Authorization's party list, over real HTTP against the local platform's party
 * list (which answers as Altinn's does), with the user's own token.
 */
class AltinnPartyAuthorizationsIntegrationTests extends IntegrationTest {

  @Autowired
  JwtDecoder decoder;

  private Caller.User sophie;

  @BeforeEach
  void signInAsSophie() {
    sophie = signIn(1337);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aUserMayRepresentTheirOwnParty() {
    assertThat(partiesAt(port).mayRepresent(sophie, "501337")).isTrue();
  }

  @Test
  void theOwnPartyNeedsNoCallToTheAuthorizationService() {
    assertThat(partiesAt(closedPort()).mayRepresent(sophie, "501337")).isTrue();
  }

  @Test
  void aUserMayRepresentTheOrganisationsThePartyListNames() {
    AltinnPartyAuthorizations parties = partiesAt(port);

    assertThat(parties.mayRepresent(sophie, "500000")).isTrue();
    assertThat(parties.mayRepresent(sophie, "500700")).isTrue();
  }

  @Test
  void aUserMayNotRepresentAPartyThePartyListDoesNotName() {
    AltinnPartyAuthorizations parties = partiesAt(port);

    assertThat(parties.mayRepresent(sophie, "512345")).isFalse();
    assertThat(parties.mayRepresent(sophie, "999999")).isFalse();
  }

  @Test
  void aUserWhoRepresentsNobodyMayNotRepresentAnotherUsersOrganisations() {
    Caller.User ola = signIn(12345);
    AltinnPartyAuthorizations parties = partiesAt(port);

    assertThat(parties.mayRepresent(ola, "512345")).isTrue();
    assertThat(parties.mayRepresent(ola, "500000")).isFalse();
    assertThat(parties.mayRepresent(ola, "501337")).isFalse();
  }

  @Test
  void anUnreachableAuthorizationServiceMakesTheAnswerUnavailable() {
    AltinnPartyAuthorizations parties = partiesAt(closedPort());

    assertThatThrownBy(() -> parties.mayRepresent(sophie, "500000"))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
  }

  @Test
  void anErrorAnswerOfTheAuthorizationServiceMakesTheAnswerUnavailable() {
    AltinnPartyAuthorizations parties = new AltinnPartyAuthorizations(RestClient.builder(),
        URI.create("http://localhost:" + port + "/authorization/api/v1/no-such-endpoint"));

    assertThatThrownBy(() -> parties.mayRepresent(sophie, "500000"))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
  }

  @Test
  void aPartiesUrlIsRequired() {
    assertThatThrownBy(() -> new AltinnPartyAuthorizations(RestClient.builder(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storage.platform.parties-url");
  }

  /** Puts the user's validated token in the security context, as the resource server does for a request. */
  private Caller.User signIn(int userId) {
    String token = tokens.userToken(testData.user(userId).orElseThrow(), 2);
    CallerAuthentication authentication = new AltinnClaims().convert(decoder.decode(token));
    SecurityContextHolder.getContext().setAuthentication(authentication);
    return (Caller.User) authentication.caller();
  }

  private static AltinnPartyAuthorizations partiesAt(int port) {
    return new AltinnPartyAuthorizations(RestClient.builder(),
        URI.create("http://localhost:" + port + "/authorization/api/v1/parties"));
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
