package no.instanceplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AltinnClaimsTests {

  @Test
  void userClaimsWrittenAsStringsNameAUser() {
    Caller caller = AltinnClaims.callerOf(jwt(Map.of(
        "urn:altinn:userid", "1337", "urn:altinn:partyid", "501337", "urn:altinn:authlevel", "2")));

    assertThat(caller).isEqualTo(new Caller.User(1337, "501337", 2));
  }

  @Test
  void userClaimsWrittenAsNumbersNameTheSameUser() {
    Caller caller = AltinnClaims.callerOf(jwt(Map.of(
        "urn:altinn:userid", 1337, "urn:altinn:partyid", 501337, "urn:altinn:authlevel", 2)));

    assertThat(caller).isEqualTo(new Caller.User(1337, "501337", 2));
  }

  @Test
  void userWithoutAuthenticationLevelHasLevelZero() {
    assertThat(AltinnClaims.callerOf(jwt(Map.of("urn:altinn:userid", "12345"))))
        .isEqualTo(new Caller.User(12345, null, 0));
  }

  @Test
  void orgClaimNamesAnAppOwnerWithScopesFromBothScopeClaimsInEitherForm() {
    Caller caller = AltinnClaims.callerOf(jwt(Map.of(
        "urn:altinn:org", "ttd",
        "urn:altinn:orgNumber", "991825827",
        "scope", " altinn:serviceowner/instances.read  altinn:serviceowner/instances.write ",
        "urn:altinn:scope", List.of("altinn:appdeploy"))));

    assertThat(caller).isEqualTo(new Caller.AppOwner("ttd", "991825827", Set.of(
        "altinn:serviceowner/instances.read", "altinn:serviceowner/instances.write", "altinn:appdeploy")));
    assertThat(((Caller.AppOwner) caller).hasScope("altinn:appdeploy")).isTrue();
  }

  @Test
  void orgClaimWinsOverUserClaims() {
    assertThat(AltinnClaims.callerOf(jwt(Map.of("urn:altinn:org", "ttd", "urn:altinn:userid", "1337"))))
        .isEqualTo(new Caller.AppOwner("ttd", null, Set.of()));
  }

  @Test
  void tokenNamingNeitherIsRefusedInOurOwnWords() {
    assertThatThrownBy(() -> AltinnClaims.callerOf(jwt(Map.of("sub", "someone", "urn:altinn:org", " "))))
        .isInstanceOf(CallerClaimsException.class)
        .hasMessageContaining("names neither a user");
  }

  @Test
  void nonNumericUserIdOrLevelIsRefused() {
    assertThatThrownBy(() -> AltinnClaims.callerOf(jwt(Map.of("urn:altinn:userid", "sophie"))))
        .isInstanceOf(CallerClaimsException.class).hasMessageContaining("urn:altinn:userid");
    assertThatThrownBy(() -> AltinnClaims.callerOf(jwt(Map.of("urn:altinn:userid", "1", "urn:altinn:authlevel", "x"))))
        .isInstanceOf(CallerClaimsException.class).hasMessageContaining("urn:altinn:authlevel");
  }

  @Test
  void conversionKeepsTheTokenForForwarding() {
    Jwt token = jwt(Map.of("urn:altinn:userid", "1337"));

    CallerAuthentication authentication = new AltinnClaims().convert(token);

    assertThat(authentication.isAuthenticated()).isTrue();
    assertThat(authentication.caller()).isEqualTo(new Caller.User(1337, null, 0));
    assertThat(authentication.tokenValue()).isEqualTo("token-value");
  }

  private static Jwt jwt(Map<String, Object> claims) {
    return Jwt.withTokenValue("token-value")
        .header("alg", "RS256")
        .claims(all -> all.putAll(claims))
        .issuedAt(Instant.now())
        .build();
  }
}
