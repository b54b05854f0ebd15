package no.instanceplatform.storage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import no.instanceplatform.storage.StorageApplication;
import no.instanceplatform.storage.localplatform.LocalTestData;
import no.instanceplatform.storage.localplatform.LocalTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: Storage on a random port over real HTTP, backed by the embedded MongoDB
 * emulator in memory, emptied before each test, with the local platform issuing the tokens. {@link #http} calls
 * as the app owner {@code ttd} with every scope; {@link #as} as any other caller; {@link #anonymous} without a
 * token. The outbox sweep does not run on its own: tests that need it call it, and a background sweep calling a
 * Mockito spy while a test stubs it would take the stubbing (Mockito stubbing is not thread-safe). Application
 * metadata is not cached, since each test empties the database behind Storage's back ({@code
 * ApplicationCacheIntegrationTests} turns the cache on).
 */
@SpringBootTest(classes = StorageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"storage.mongodb.embedded-in-memory=true", "storage.mongodb.uri=",
        "storage.local-platform.enabled=true", "storage.data-dir=target/test-data",
        "storage.local-platform.signing-key-file=target/test-data/signing-key.jwk.json",
        "storage.events.outbox-sweep-interval=PT24H", "storage.applications.cache-ttl=PT0S"})
public abstract class IntegrationTest {

  /** The app owner ttd with the instance scopes and appdeploy. */
  public static final String APP_OWNER = "org:ttd";
  /** Sophie Salt, party 501337, at authentication level 2. */
  public static final String USER_1337 = "user:1337:2";

  @LocalServerPort
  protected int port;

  @Autowired
  protected MongoTemplate mongo;

  @Autowired
  protected LocalTokenIssuer tokens;

  @Autowired
  protected LocalTestData testData;

  protected StorageHttp http;
  protected StorageHttp anonymous;

  @BeforeEach
  void emptyDatabaseAndConnect() {
    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).deleteMany(new org.bson.Document());
    }
    anonymous = new StorageHttp(port);
    http = as(APP_OWNER);
  }

  /** Requests sent with a token of the caller, named as {@link TestTokens} reads it. */
  protected StorageHttp as(String caller) {
    return withToken(token(caller));
  }

  protected StorageHttp withToken(String token) {
    return anonymous.with("Authorization", "Bearer " + token);
  }

  protected String token(String caller) {
    return TestTokens.token(tokens, testData, caller);
  }

  /** Asserts that the request was answered within {@code limit} with a 503 problem that says when to try again. */
  protected static void assertUnavailableWithin(Duration limit, Supplier<StorageHttp.Response> request) {
    long started = System.nanoTime();
    StorageHttp.Response response = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within " + limit).isLessThan(limit);
    assertProblem(response, 503, "");
    assertThat(response.header("Retry-After")).isEqualTo("5");
  }

  /** Asserts an RFC 9457 problem answer with this status whose detail mentions the text. */
  protected static void assertProblem(StorageHttp.Response response, int status, String detailContains) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode body = response.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asString()).startsWith("urn:instanceplatform:problem:");
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("detail").asString()).contains(detailContains);
  }
}
