package no.instanceplatform.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import no.instanceplatform.security.Caller;
import no.instanceplatform.app.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error, whoever raises it, is an RFC 9457 problem with a stable type and no exception text. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProblemAdviceIntegrationTests.TestRoutes.class)
class ProblemAdviceIntegrationTests {

  private static final TestIssuer ISSUER = TestIssuer.start();
  private static final String ROUTES = "/ttd/some-app/test-support";

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  /** Routes that exist only in this test, to raise each kind of error. */
  @RestController
  static class TestRoutes {

    record Payload(int count, List<String> names) {}

    @GetMapping(ROUTES + "/caller")
    String caller(Caller caller) {
      return caller.toString();
    }

    /** Under the anonymous texts route, to see the caller of a request without a token. */
    @GetMapping("/ttd/some-app/api/v1/texts/caller")
    String anonymousCaller(Caller caller) {
      return caller.toString();
    }

    @GetMapping(ROUTES + "/numbers/{number}")
    int number(@PathVariable int number) {
      return number;
    }

    @GetMapping(ROUTES + "/pages")
    int page(@RequestParam int size) {
      return size;
    }

    @PostMapping(path = ROUTES + "/payloads", consumes = "application/json")
    Payload payload(@RequestBody Payload payload) {
      return payload;
    }

    @GetMapping(ROUTES + "/failure")
    String failure() {
      throw new IllegalStateException("secret internal state of com.example.Internals");
    }

    @GetMapping(ROUTES + "/denied")
    String denied() {
      throw new AccessDeniedException("Access Denied by com.example.Internals");
    }
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String userToken = ISSUER.userToken(1337, 501337, 2);

  @Test
  void callerArgumentIsTheUserOfTheToken() throws Exception {
    HttpResponse<String> response = send(request(ROUTES + "/caller").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("User[userId=1337, partyId=501337, authenticationLevel=2]");
  }

  @Test
  void callerArgumentIsTheAppOwnerOfAnOrgToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(ROUTES + "/caller"))
        .header("Authorization", "Bearer " + ISSUER.orgToken("ttd", "991825827", "altinn:appdeploy")));

    assertThat(response.body()).isEqualTo("AppOwner[org=ttd, orgNumber=991825827, scopes=[altinn:appdeploy]]");
  }

  @Test
  void callerArgumentIsAnonymousWithoutToken() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/ttd/some-app/api/v1/texts/caller")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Anonymous[]");
  }

  @Test
  void unknownRouteIsNotFoundProblem() throws Exception {
    HttpResponse<String> response = send(request("/ttd/some-app/no-such-thing").GET());

    JsonNode problem = assertProblem(response, 404, "not-found");
    assertThat(problem.get("detail").asString()).isEqualTo("There is no endpoint at GET /ttd/some-app/no-such-thing.");
    assertThat(problem.get("instance").asString()).isEqualTo("/ttd/some-app/no-such-thing");
  }

  @Test
  void wrongMethodIsMethodNotAllowedProblem() throws Exception {
    assertProblem(send(request(ROUTES + "/payloads").DELETE()), 405, "method-not-allowed");
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaTypeProblem() throws Exception {
    assertProblem(send(request(ROUTES + "/payloads").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("count=1"))), 415, "unsupported-media-type");
  }

  @Test
  void malformedJsonIsInvalidRequestProblem() throws Exception {
    JsonNode problem = assertProblem(send(json(ROUTES + "/payloads", "{\"count\": ")), 400, "invalid-request");

    assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid JSON.");
  }

  @Test
  void wrongValueTypeInBodyIsInvalidRequestProblemNamingTheField() throws Exception {
    JsonNode problem = assertProblem(send(json(ROUTES + "/payloads", "{\"count\": \"many\"}")), 400,
        "invalid-request");

    assertThat(problem.get("detail").asString()).isEqualTo("The request body has an invalid value at 'count'.");
  }

  @Test
  void malformedPathValueIsInvalidRequestProblem() throws Exception {
    JsonNode problem = assertProblem(send(request(ROUTES + "/numbers/seven").GET()), 400, "invalid-request");

    assertThat(problem.get("detail").asString()).isEqualTo("The value of 'number' is not a valid int.");
  }

  @Test
  void missingQueryParameterIsInvalidRequestProblem() throws Exception {
    assertProblem(send(request(ROUTES + "/pages").GET()), 400, "invalid-request");
  }

  @Test
  void unexpectedFailureIsServerErrorProblemWithoutExceptionText() throws Exception {
    JsonNode problem = assertProblem(send(request(ROUTES + "/failure").GET()), 500, "server-error");

    assertThat(problem.get("detail").asString())
        .isEqualTo("The request could not be completed because of an internal error.");
  }

  @Test
  void accessDeniedInAControllerIsForbiddenProblem() throws Exception {
    assertProblem(send(request(ROUTES + "/denied").GET()), 403, "forbidden");
  }

  @Test
  void requestTheFirewallRejectsIsInvalidRequestProblem() throws Exception {
    JsonNode problem = assertProblem(send(request("/ttd/some-app/instances;jsessionid=1").GET()), 400,
        "invalid-request");

    assertThat(problem.get("instance").asString()).startsWith("/ttd/some-app/instances");
  }

  @Test
  void errorPathCalledDirectlyIsNotFoundProblem() throws Exception {
    assertProblem(send(request("/error").GET()), 404, "not-found");
  }

  @Test
  void trailingSlashReachesTheSameEndpoint() throws Exception {
    assertThat(send(request(ROUTES + "/numbers/7/").GET()).body()).isEqualTo("7");
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        contentType -> assertThat(contentType).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("com.example")
        .doesNotContain("secret").doesNotContain("\tat ").doesNotContain("org.springframework");
    return problem;
  }

  private HttpRequest.Builder json(String path, String body) {
    return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + userToken);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
