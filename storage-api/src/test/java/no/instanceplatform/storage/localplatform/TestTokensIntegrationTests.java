package no.instanceplatform.storage.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LocalTest's test token endpoints: signed JWTs with Altinn's claims, that Storage itself accepts. */
class TestTokensIntegrationTests extends IntegrationTest {

  private static final String DISCOVERY = "/authentication/api/v1/openid/.well-known/openid-configuration";
  private static final String JWKS = DISCOVERY + "/jwks";
  private static final String USER_TOKEN = "/Home/GetTestUserToken/";
  private static final String ORG_TOKEN = "/Home/GetTestOrgToken/";

  @Autowired
  ApplicationStore applications;

  @Test
  void aUserTokenIsAnRs256JwtAsPlainTextSignedByAKeyOfTheJwks() throws Exception {
    StorageHttp.Response response = anonymous.get(USER_TOKEN + "1337?authenticationLevel=2");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    SignedJWT jwt = SignedJWT.parse(response.text().trim());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    RSAKey key = publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(key).as("the token's kid %s is in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
  }

  @Test
  void aUserTokenCarriesTheUsersAltinnClaimsAndTheDiscoveredIssuer() throws Exception {
    JWTClaimsSet claims = claimsOf(anonymous.get(USER_TOKEN + "1337?authenticationLevel=2"));

    assertThat(claims.getStringClaim("urn:altinn:userid")).isEqualTo("1337");
    assertThat(claims.getStringClaim("urn:altinn:partyid")).isEqualTo("501337");
    assertThat(claims.getStringClaim("urn:altinn:username"))
        .isNotBlank()
        .isEqualTo(testData.user(1337).orElseThrow().userName());
    assertThat(claims.getStringClaim("urn:altinn:authlevel")).isEqualTo("2");
    assertThat(claims.getIssuer()).isEqualTo(anonymous.get(DISCOVERY).json().path("issuer").asString());
  }

  @Test
  void aUserTokenIsValidFromNowForAboutAnHour() throws Exception {
    Instant before = Instant.now().minusSeconds(5);
    JWTClaimsSet claims = claimsOf(anonymous.get(USER_TOKEN + "1337"));
    Instant after = Instant.now().plusSeconds(5);

    Instant issuedAt = claims.getIssueTime().toInstant();
    assertThat(issuedAt).isBetween(before, after);
    assertThat(claims.getNotBeforeTime()).isNotNull();
    assertThat(claims.getNotBeforeTime().toInstant()).isBeforeOrEqualTo(issuedAt.plusSeconds(1));
    assertThat(Duration.between(issuedAt, claims.getExpirationTime().toInstant()).toSeconds())
        .isCloseTo(3600L, within(60L));
  }

  @Test
  void theAuthenticationLevelOfAUserTokenDefaultsToTwo() throws Exception {
    assertThat(claimsOf(anonymous.get(USER_TOKEN + "1337")).getStringClaim("urn:altinn:authlevel")).isEqualTo("2");
    assertThat(claimsOf(anonymous.get(USER_TOKEN + "12345?authenticationLevel=3"))
        .getStringClaim("urn:altinn:authlevel")).isEqualTo("3");
  }

  @Test
  void everyTestUserGetsATokenForTheirOwnParty() throws Exception {
    Map<Integer, String> parties = Map.of(1337, "501337", 12345, "512345", 1001, "510001", 1002, "510002",
        1003, "510003");
    for (Map.Entry<Integer, String> user : parties.entrySet()) {
      JWTClaimsSet claims = claimsOf(anonymous.get(USER_TOKEN + user.getKey()));
      assertThat(claims.getStringClaim("urn:altinn:userid")).isEqualTo(user.getKey().toString());
      assertThat(claims.getStringClaim("urn:altinn:partyid")).isEqualTo(user.getValue());
    }
  }

  @Test
  void aTokenForAnUnknownUserIsNotFound() {
    assertProblem(anonymous.get(USER_TOKEN + "999999"), 404, "999999");
  }

  @Test
  void anAuthenticationLevelOutsideZeroToFourIsRefused() {
    assertProblem(anonymous.get(USER_TOKEN + "1337?authenticationLevel=5"), 400, "authenticationLevel");
    assertProblem(anonymous.get(USER_TOKEN + "1337?authenticationLevel=-1"), 400, "authenticationLevel");
    assertProblem(anonymous.get(ORG_TOKEN + "ttd?authenticationLevel=5"), 400, "authenticationLevel");
  }

  @Test
  void aNonNumericUserIdOrLevelIsRefused() {
    assertProblem(anonymous.get(USER_TOKEN + "sophie"), 400, "userId");
    assertProblem(anonymous.get(USER_TOKEN + "1337?authenticationLevel=high"), 400, "authenticationLevel");
  }

  @Test
  void anOrgTokenCarriesTheOrgItsNumberFromTheTestDataAndTheInstanceScopes() throws Exception {
    StorageHttp.Response response = anonymous.get(ORG_TOKEN + "ttd");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    SignedJWT jwt = SignedJWT.parse(response.text().trim());
    assertThat(jwt.verify(new RSASSAVerifier(
        publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getStringClaim("urn:altinn:org")).isEqualTo("ttd");
    assertThat(claims.getStringClaim("urn:altinn:orgNumber")).isEqualTo("991825827")
        .isEqualTo(testData.org("ttd").orElseThrow().orgNumber());
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("altinn:serviceowner/instances.read altinn:serviceowner/instances.write");
    assertThat(claims.getStringClaim("urn:altinn:authlevel")).isEqualTo("3");
    assertThat(claims.getIssuer()).isEqualTo(tokens.issuer());
  }

  @Test
  void anOrgTokensNumberAndScopesMayBeChosen() throws Exception {
    JWTClaimsSet chosen = claimsOf(anonymous.get(ORG_TOKEN + "ttd?orgNumber=123456789&scopes=altinn:appdeploy"));
    assertThat(chosen.getStringClaim("urn:altinn:orgNumber")).isEqualTo("123456789");
    assertThat(chosen.getStringClaim("scope")).isEqualTo("altinn:appdeploy");

    JWTClaimsSet commaSeparated = claimsOf(anonymous.get(ORG_TOKEN
        + "ttd?scopes=altinn:serviceowner/instances.read,altinn:appdeploy"));
    assertThat(commaSeparated.getStringClaim("scope")).isEqualTo("altinn:serviceowner/instances.read altinn:appdeploy");
  }

  @Test
  void anOrgWithoutANumberInTheTestDataGetsATokenWithoutOne() throws Exception {
    JWTClaimsSet claims = claimsOf(anonymous.get(ORG_TOKEN + "test"));

    assertThat(claims.getStringClaim("urn:altinn:org")).isEqualTo("test");
    assertThat(claims.getClaim("urn:altinn:orgNumber")).isNull();
  }

  @Test
  void anInvalidOrgIsRefused() {
    assertProblem(anonymous.get(ORG_TOKEN + "TTD"), 400, "TTD");
  }

  @Test
  void storageAcceptsAnIssuedUserTokenToCreateAndReadAnInstance() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    StorageHttp sophie = withToken(anonymous.get(USER_TOKEN + "1337?authenticationLevel=2").text().trim());

    StorageHttp.Response created = sophie.post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.json().path("createdBy").asString()).isEqualTo("1337");

    StorageHttp.Response read = sophie.get("/storage/api/v1/instances/" + id);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path("id").asString()).isEqualTo(id);
  }

  @Test
  void storageAcceptsAnIssuedOrgTokenAndHonoursItsScopes() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    String created = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json().path("id").asString();

    StorageHttp ttd = withToken(anonymous.get(ORG_TOKEN + "ttd").text().trim());
    assertThat(ttd.get("/storage/api/v1/instances/" + created).status()).isEqualTo(200);

    StorageHttp deployOnly = withToken(anonymous.get(ORG_TOKEN + "ttd?scopes=altinn:appdeploy").text().trim());
    assertThat(deployOnly.get("/storage/api/v1/instances/" + created).status()).isEqualTo(403);
  }

  private JWKSet publishedKeys() throws Exception {
    StorageHttp.Response jwks = anonymous.get(JWKS);
    assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
    return JWKSet.parse(jwks.text());
  }

  private JWTClaimsSet claimsOf(StorageHttp.Response response) throws Exception {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    SignedJWT jwt = SignedJWT.parse(response.text().trim());
    return jwt.getJWTClaimsSet();
  }
}
