package no.instanceplatform.storage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.localplatform.LocalSigningKey;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.storage.support.TokenForge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only a token Storage can trust names a caller; every other token is refused with a 401 problem. */
class AuthenticationIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  LocalSigningKey signingKey;

  @Autowired
  ApplicationStore applications;

  private TokenForge forge;
  private String instance;

  @BeforeEach
  void anInstance() {
    forge = new TokenForge(tokens, signingKey);
    applications.upsert(TestApplications.ttdApp("test-app", null));
    instance = INSTANCES + "/" + as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json().path("id").asString();
  }

  @Test
  void aRequestWithoutATokenIsChallenged() {
    StorageHttp.Response response = anonymous.get(instance);

    assertUnauthorized(response, "A bearer token is required");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertRefused(forge.expired(token(USER_1337), Duration.ofMinutes(5)), "has expired");
  }

  @Test
  void aTokenWithoutAnExpiryIsRefused() {
    assertRefused(forge.withoutExpiry(token(USER_1337)), "has no expiry");
  }

  @Test
  void aTokenThatIsNotValidYetIsRefused() {
    assertRefused(forge.notYetValid(token(USER_1337), Duration.ofMinutes(5)), "not valid yet");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertRefused(forge.fromIssuer(token(USER_1337), "https://evil.example/authentication/api/v1/openid/"),
        "not issued by a trusted issuer");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    assertRefused(forge.signedByAnotherKey(token(USER_1337)), "signature");
  }

  @Test
  void aTokenWithAnUnknownKeyIdIsRefused() {
    assertRefused(forge.withUnknownKeyId(token(USER_1337)), "signature");
  }

  @Test
  void anHmacTokenSignedWithThePublicKeyIsRefused() {
    assertRefused(forge.hs256WithThePublicKey(token(APP_OWNER)), "algorithm");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    assertRefused(forge.unsigned(token(APP_OWNER)), "algorithm");
  }

  @Test
  void aTamperedPayloadIsRefused() {
    assertRefused(forge.tamperedPayload(token("user:12345:2"), "urn:altinn:userid", "1337"), "signature");
  }

  @Test
  void garbageIsRefused() {
    assertRefused("not.a.token", "malformed");
    assertRefused("abc", "malformed");
  }

  @Test
  void aTrustedTokenThatNamesNoCallerIsRefused() {
    assertRefused(forge.withoutIdentity(token(USER_1337)), "names neither a user");
  }

  @Test
  void aSchemeOtherThanBearerIsChallenged() {
    StorageHttp.Response response = anonymous.with("Authorization", "Basic dXNlcjpwYXNz").get(instance);

    assertUnauthorized(response, "A bearer token is required");
  }

  @Test
  void scopesAreAlsoReadFromTheAltinnScopeClaim() {
    String token = tokens.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder(claims(token(APP_OWNER)))
        .claim("scope", null)
        .claim("urn:altinn:scope", List.of(AccessPolicy.READ_SCOPE))
        .build());

    assertThat(withToken(token).get(instance).status()).isEqualTo(200);
    assertProblem(withToken(token).put(instance + "/substatus", Map.of("label", "x")), 403,
        AccessPolicy.WRITE_SCOPE);
  }

  private void assertRefused(String token, String detail) {
    StorageHttp.Response response = withToken(token).get(instance);
    assertUnauthorized(response, detail);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }

  private static void assertUnauthorized(StorageHttp.Response response, String detail) {
    assertProblem(response, 401, detail);
    assertThat(response.json().path("type").asString()).isEqualTo("urn:instanceplatform:problem:unauthenticated");
    assertThat(response.text()).doesNotContainIgnoringCase("exception").doesNotContain("Nimbus", "JWT rejected",
        "at org.");
  }

  private static com.nimbusds.jwt.JWTClaimsSet claims(String token) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
