package no.instanceplatform.app.security;

import no.instanceplatform.security.ProblemAuthenticationEntryPoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The App API may start before the token issuer (Storage's local platform): it finds the keys at the first token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerUnavailableIntegrationTests {

  private static final TestIssuer ISSUER = TestIssuer.notStarted(freePort());
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

  @Test
  void tokenIsAnswered503WhileTheIssuerIsDownAndAcceptedOnceItIsUp() throws Exception {
    HttpResponse<String> whileDown = get(ISSUER.userToken(1337, 501337, 2));

    assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(503);
    assertThat(whileDown.headers().firstValue("Retry-After")).hasValue("5");
    JsonNode problem = JsonMapper.builder().build().readTree(whileDown.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:unavailable");
    assertThat(problem.get("detail").asString()).isEqualTo(ProblemAuthenticationEntryPoint.ISSUER_UNAVAILABLE);
    assertThat(whileDown.body()).doesNotContainIgnoringCase("exception").doesNotContain("127.0.0.1");

    ISSUER.serve();

    assertThat(get(ISSUER.userToken(1337, 501337, 2)).statusCode()).isEqualTo(404);
  }

  @Test
  void anonymousRoutesDoNotNeedTheIssuer() throws Exception {
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + INSTANCE))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
