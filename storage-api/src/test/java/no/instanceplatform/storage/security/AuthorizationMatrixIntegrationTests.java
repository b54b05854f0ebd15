package no.instanceplatform.storage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.model.TextResourceElement;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.localplatform.LocalSigningKey;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import no.instanceplatform.storage.support.TokenForge;
import no.instanceplatform.storage.texts.TextStore;
import no.instanceplatform.testkit.AuthorizationMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Storage endpoint against every kind of caller, each cell the exact status. The matrix is data
 * ({@code security/authorization-matrix.csv}): a new endpoint adds its row there.
 */
class AuthorizationMatrixIntegrationTests extends IntegrationTest {

  private static final String APP = "ttd/matrix-app";
  private static final List<String> CALLERS = List.of("anonymous", "wrongSignature", "expired", "ownerUser",
      "otherUser", "representative", "level1User", "appOwner", "otherOrg", "appOwnerNoScope");
  private static final Map<String, String> BODIES = Map.of(
      "template", "{\"instanceOwner\": {\"partyId\": \"{party}\"}}",
      "substatus", "{\"label\": \"matrix.label\"}",
      "texts", "{\"texts\": {\"a\": \"b\"}}",
      "values", "{\"values\": {\"a\": \"b\"}}",
      "process", Bodies.PROCESS,
      "processAndEvents", "{\"state\": " + Bodies.PROCESS + ", \"events\": [{\"eventType\": \"process_StartTask\"}]}",
      "event", "{\"eventType\": \"Saved\"}",
      "application", "{\"title\": {\"nb\": \"Matrise\"}}",
      "textResource", "{\"language\": \"nb\", \"resources\": [{\"id\": \"a\", \"value\": \"b\"}]}",
      "messageBoxSearch", "{\"instanceOwnerPartyIdList\": [{party}], \"includeActive\": true}");

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @Autowired
  ApplicationStore applications;

  @Autowired
  TextStore texts;

  @Autowired
  LocalSigningKey signingKey;

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/security/authorization-matrix.csv", delimiter = '|')
  void eachCallerGetsExactlyTheStatusOfItsCell(ArgumentsAccessor row) {
    AuthorizationMatrix.check(row, CALLERS, (caller, party, method, path, body) -> {
      String resolvedBody = body.equals("-") ? null : BODIES.get(body).replace("{party}", party);
      StorageHttp.Response response = clientOf(caller).send(method, freshFixture(party).resolve(path), resolvedBody,
          resolvedBody == null ? null : "application/json");
      return new AuthorizationMatrix.Answer(response.status(), response.contentType(), response.toString());
    });
  }

  /** Tokens are made once per class: forging one takes an RSA key generation. */
  private StorageHttp clientOf(String caller) {
    if (caller.equals("anonymous")) {
      return anonymous;
    }
    return withToken(TOKENS.computeIfAbsent(caller, this::tokenOf));
  }

  private String tokenOf(String caller) {
    TokenForge forge = new TokenForge(tokens, signingKey);
    return switch (caller) {
      case "wrongSignature" -> forge.signedByAnotherKey(token(USER_1337));
      case "expired" -> forge.expired(token(USER_1337), Duration.ofMinutes(10));
      case "ownerUser", "representative" -> token(USER_1337);
      case "otherUser" -> token("user:12345:2");
      case "level1User" -> token("user:1337:1");
      case "appOwner" -> token(APP_OWNER);
      case "otherOrg" -> token("org:test");
      case "appOwnerNoScope" -> tokens.orgToken("ttd", "991825827", List.of(), 3);
      default -> throw new IllegalArgumentException(caller);
    };
  }

  /** The app with its nb texts, and a new instance of it owned by {@code party}, made by the app owner. */
  private Fixture freshFixture(String party) {
    applications.upsert(TestApplications.ttdApp("matrix-app", null));
    texts.save(AppId.parse(APP), new TextResource(null, null, "nb", List.of(new TextResourceElement("a", "b", null))));
    StorageHttp.Response created = http.post("/storage/api/v1/instances?appId=" + APP,
        Map.of("instanceOwner", Map.of("partyId", party)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    String instance = "/storage/api/v1/instances/" + id;
    String event = http.get(instance + "/events").json().path("instanceEvents").get(0).path("id").asString();
    return new Fixture(instance, "/storage/api/v1/sbl/instances/" + id, party, event);
  }

  private record Fixture(String instance, String sbl, String party, String event) {
    String resolve(String path) {
      return path.replace("{instance}", instance).replace("{sbl}", sbl).replace("{party}", party)
          .replace("{event}", event);
    }
  }

  private static final class Bodies {
    static final String PROCESS = "{\"started\": \"2024-01-01T00:00:00Z\", \"startEvent\": \"StartEvent_1\", "
        + "\"currentTask\": {\"flow\": 2, \"elementId\": \"Task_1\", \"altinnTaskType\": \"data\"}}";
  }
}
