package no.instanceplatform.app.security;

import no.instanceplatform.security.ProblemAuthenticationEntryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every request but the anonymous routes needs a valid RS256 token from the configured issuer, found by discovery. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationIntegrationTests {

  private static final TestIssuer ISSUER = TestIssuer.start();
  /** An authenticated route with no controller yet: a request that gets past authentication is answered 404. */
  private static final String INSTANCE = "/ttd/some-app/instances/501337/" + UUID.randomUUID();

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void requestWithoutTokenIsRefusedWithBearerChallengeAndProblem() throws Exception {
    HttpResponse<String> response = get(INSTANCE, null);

    assertUnauthenticated(response, ProblemAuthenticationEntryPoint.MISSING);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void requestWithAnotherSchemeThanBearerIsRefusedAsWithoutToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(INSTANCE))
        .header("Authorization", "Basic dXNlcjpwYXNz").build());

    assertUnauthenticated(response, ProblemAuthenticationEntryPoint.MISSING);
  }

  @Test
  void validUserTokenGetsPastAuthenticationToTheNotFoundProblem() throws Exception {
    assertNotFoundProblem(get(INSTANCE, ISSUER.userToken(1337, 501337, 2)));
  }

  @Test
  void validOrgTokenGetsPastAuthenticationToTheNotFoundProblem() throws Exception {
    assertNotFoundProblem(get(INSTANCE,
        ISSUER.orgToken("ttd", "991825827", "altinn:serviceowner/instances.read altinn:serviceowner/instances.write")));
  }

  @Test
  void tokenExpiredWithinTheClockSkewIsStillAccepted() throws Exception {
    Instant now = Instant.now();
    String token = ISSUER.sign(userClaims()
        .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
        .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(now.minusSeconds(20)))
        .build());

    assertNotFoundProblem(get(INSTANCE, token));
  }

  @Test
  void expiredTokenIsRefusedAsExpired() throws Exception {
    Instant now = Instant.now();
    String token = ISSUER.sign(userClaims()
        .issueTime(Date.from(now.minus(Duration.ofHours(1))))
        .notBeforeTime(Date.from(now.minus(Duration.ofHours(1))))
        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
        .build());

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.EXPIRED);
  }

  @Test
  void tokenNotValidYetIsRefusedAsNotValidYet() throws Exception {
    String token = ISSUER.sign(userClaims()
        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
        .build());

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.NOT_YET_VALID);
  }

  @Test
  void tokenFromAnotherIssuerIsRefusedAsUntrusted() throws Exception {
    String token = ISSUER.sign(userClaims().issuer("https://platform.altinn.no/authentication/api/v1/openid/").build());

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.WRONG_ISSUER);
  }

  @Test
  void tokenSignedByAnotherKeyUnderTheIssuersKeyIdIsRefused() throws Exception {
    String token = TestIssuer.sign(userClaims().build(), JWSAlgorithm.RS256, TestIssuer.newKey(),
        ISSUER.key().getKeyID());

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void tokenNamingAnUnknownKeyIsRefused() throws Exception {
    String token = TestIssuer.sign(userClaims().build(), JWSAlgorithm.RS256, ISSUER.key(), "no-such-key");

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void tokenSignedWithTheRightKeyButRs384IsRefusedBecauseOnlyRs256IsAccepted() throws Exception {
    String token = TestIssuer.sign(userClaims().build(), JWSAlgorithm.RS384, ISSUER.key(), ISSUER.key().getKeyID());

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void hs256TokenSignedWithThePublicKeyAsSecretIsRefused() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ISSUER.key().getKeyID()).build(),
        userClaims().build());
    jwt.sign(new MACSigner(ISSUER.key().toRSAPublicKey().getEncoded()));

    assertInvalidToken(get(INSTANCE, jwt.serialize()), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void unsignedTokenWithAlgNoneIsRefused() throws Exception {
    String token = new PlainJWT(userClaims().build()).serialize();

    assertInvalidToken(get(INSTANCE, token), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void tokenWithTamperedPayloadIsRefused() throws Exception {
    String[] parts = ISSUER.userToken(1337, 501337, 2).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("501337", "512345");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertInvalidToken(get(INSTANCE, tampered), ProblemAuthenticationEntryPoint.MALFORMED);
  }

  @Test
  void garbageTokensAreRefusedAsMalformed() throws Exception {
    for (String garbage : new String[] {"not-a-token", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "!!!"}) {
      assertInvalidToken(get(INSTANCE, garbage), ProblemAuthenticationEntryPoint.MALFORMED);
    }
  }

  @Test
  void validTokenNamingNoAltinnCallerIsRefused() throws Exception {
    String token = ISSUER.sign(ISSUER.valid().subject("someone").claim("name", "Someone").build());

    HttpResponse<String> response = get(INSTANCE, token);

    assertInvalidToken(response, "The bearer token names neither a user (urn:altinn:userid) nor an app owner "
        + "(urn:altinn:org).");
  }

  @Test
  void validTokenWithNonNumericUserIdIsRefused() throws Exception {
    String token = ISSUER.sign(ISSUER.valid().claim("urn:altinn:userid", "sophie").build());

    assertInvalidToken(get(INSTANCE, token), "The bearer token's urn:altinn:userid claim is not a number.");
  }

  @Test
  void operationsAndApiDocsAnswerWithoutToken() throws Exception {
    for (String path : new String[] {"/actuator/health/liveness", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs"}) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
    }
    // No Storage runs here, so the full health answers 503 (its storage component is down): still not a 401.
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(503);
  }

  @Test
  void applicationMetadataAndTextsReadsAreAnonymous() throws Exception {
    // An app not hosted here: not found rather than unauthorized shows that the reads need no token.
    assertNotFoundProblem(get("/ttd/some-app/api/v1/applicationmetadata", null));
    assertNotFoundProblem(get("/ttd/some-app/api/v1/texts/nb", null));
  }

  @Test
  void applicationMetadataWritesNeedToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ttd/some-app/api/v1/applicationmetadata"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());

    assertUnauthenticated(response, ProblemAuthenticationEntryPoint.MISSING);
  }

  @Test
  void trailingSlashIsTolerated() throws Exception {
    assertThat(get("/actuator/health/liveness/", null).statusCode()).isEqualTo(200);
    assertNotFoundProblem(get("/ttd/some-app/api/v1/applicationmetadata/", null));
    assertUnauthenticated(get(INSTANCE + "/", null), ProblemAuthenticationEntryPoint.MISSING);
  }

  private JWTClaimsSet.Builder userClaims() {
    return ISSUER.valid()
        .subject("1337")
        .claim("urn:altinn:userid", "1337")
        .claim("urn:altinn:partyid", "501337")
        .claim("urn:altinn:authlevel", "2");
  }

  private void assertInvalidToken(HttpResponse<String> response, String detail) throws Exception {
    assertUnauthenticated(response, detail);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\", error_description=\"" + detail.replace("\"", "'") + "\"");
  }

  private void assertUnauthenticated(HttpResponse<String> response, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:unauthenticated");
    assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("detail").asString()).isEqualTo(detail);
    assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getPath().replaceAll("/$", ""));
    assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("nimbus")
        .doesNotContainIgnoringCase("JWT rejected").doesNotContainIgnoringCase("Jwt expired")
        .doesNotContain("\tat ").doesNotContain("org.springframework");
  }

  private void assertNotFoundProblem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("type").asString())
        .isEqualTo("urn:instanceplatform:problem:not-found");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
