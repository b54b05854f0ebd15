package no.instanceplatform.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Response;
import no.instanceplatform.testkit.AuthorizationMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvFileSource;
import tools.jackson.databind.JsonNode;

/**
 * Every App API endpoint against every kind of caller, as the matrix in
 * {@code security/app-authorization-matrix.csv} says: a new endpoint adds its row there.
 */
class AppAuthorizationMatrixIntegrationTests extends AppApiIntegrationTest {

  private static final List<String> CALLERS = List.of("anonymous", "tampered", "ownerUser", "otherUser",
      "representative", "level1User", "appOwner", "otherOrg", "appOwnerNoScope");
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
  private static final String BOAT = "{\"boatName\":\"Matrix\",\"boatLength\":10}";

  private final Map<String, AppHttp> clients = new ConcurrentHashMap<>();

  @BeforeEach
  void appsRegistered() {
    awaitAppsRegistered();
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/security/app-authorization-matrix.csv", delimiter = '|')
  void eachCallerGetsExactlyTheStatusOfItsCell(ArgumentsAccessor row) {
    AuthorizationMatrix.check(row, CALLERS, (caller, party, method, path, body) -> {
      Response response = send(clientOf(caller), method, freshFixture(party).resolve(path), body, party);
      return new AuthorizationMatrix.Answer(response.status(), response.header("Content-Type").orElse(null),
          response.toString());
    });
  }

  private static Response send(AppHttp client, String method, String path, String body, String party) {
    return switch (body) {
      case "-" -> switch (method) {
        case "GET" -> client.get(path);
        case "DELETE" -> client.delete(path);
        case "POST" -> client.post(path, null);
        default -> client.put(path, null);
      };
      case "template" -> client.post(path, "{\"instanceOwner\": {\"partyId\": \"" + party + "\"}}");
      case "substatus" -> client.put(path, "{\"label\": \"matrix.label\"}");
      case "pdf" -> client.upload(method, path, "application/pdf", "matrix.pdf", PDF);
      case "boat" -> client.upload(method, path, "application/json", null, BOAT.getBytes(StandardCharsets.UTF_8));
      default -> throw new IllegalArgumentException(body);
    };
  }

  private AppHttp clientOf(String caller) {
    return clients.computeIfAbsent(caller, name -> switch (name) {
      case "anonymous" -> anonymous();
      case "tampered" -> withToken(tampered(userToken(SOPHIE, 2)));
      case "ownerUser", "representative" -> sophie();
      case "otherUser" -> user(12345, 2);
      case "level1User" -> user(SOPHIE, 1);
      case "appOwner" -> appOwner("test");
      case "otherOrg" -> appOwner("ttd");
      case "appOwnerNoScope" -> appOwner("test", "altinn:appdeploy");
      default -> throw new IllegalArgumentException(name);
    });
  }

  /**
   * The token with a character in the middle of its signature changed: well-formed, but not what the key signed.
   * (Not the last character: its low bits are base64url padding, which decoding drops.)
   */
  private static String tampered(String token) {
    int at = token.lastIndexOf('.') + 10;
    char changed = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + changed + token.substring(at + 1);
  }

  /** A new instance for {@code party}, made through the App API by the app owner, with its boat data filled in. */
  private Fixture freshFixture(String party) {
    Response created = appOwner("test").post("/test/sailor/instances?instanceOwnerPartyId=" + party, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode instance = created.json();
    String form = elementPath(instance, "boatdata");
    Response filled = appOwner("test").upload("PUT", form, "application/json", null,
        BOAT.getBytes(StandardCharsets.UTF_8));
    assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
    return new Fixture("/test/sailor/instances/" + instance.get("id").asString(), form, party);
  }

  private record Fixture(String instance, String form, String party) {
    String resolve(String path) {
      return path.replace("{instance}", instance).replace("{form}", form).replace("{party}", party);
    }
  }
}
