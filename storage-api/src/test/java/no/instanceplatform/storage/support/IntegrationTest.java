package no.instanceplatform.storage.support;

import static org.assertj.core.api.Assertions.assertThat;

import no.instanceplatform.storage.StorageApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: Storage on a random port over real HTTP, backed by the embedded MongoDB
 * emulator in memory, emptied before each test.
 */
@SpringBootTest(classes = StorageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"storage.mongodb.embedded-in-memory=true", "storage.mongodb.uri="})
public abstract class IntegrationTest {

  public static final String APP_OWNER = "org:ttd:991825827";
  public static final String USER_1337 = "user:1337:501337:2";

  @LocalServerPort
  protected int port;

  @Autowired
  protected MongoTemplate mongo;

  protected StorageHttp http;

  @BeforeEach
  void emptyDatabaseAndConnect() {
    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).deleteMany(new org.bson.Document());
    }
    http = new StorageHttp(port);
  }

  /** Requests sent as the given caller ({@code X-Caller} header value). */
  protected StorageHttp as(String caller) {
    return http.with("X-Caller", caller);
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
