package no.instanceplatform.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the App API's integration tests share, whatever their context: the one real Storage of this test JVM,
 * clients of the App API under test and of Storage with tokens from Storage's local platform (as LocalTest's), and
 * the assertions on answers. {@link AppApiIntegrationTest} is the usual context; a test that must reach Storage
 * another way (through a fault proxy) declares its own.
 */
public abstract class AppApiTestSupport {

  /** Sophie Salt: user 1337, party 501337, who may represent 500000 and 500700. */
  public static final int SOPHIE = 1337;
  public static final long SOPHIE_PARTY = 501337;
  public static final String SAILOR = "/test/sailor";

  protected static final InProcessStorage STORAGE = SharedStorage.INSTANCE;

  @LocalServerPort
  protected int port;

  /** The App API as this user, authenticated at {@code level}. */
  protected AppHttp user(int userId, int level) {
    return new AppHttp(appUrl(), userToken(userId, level));
  }

  /** The App API as Sophie Salt at level 2. */
  protected AppHttp sophie() {
    return user(SOPHIE, 2);
  }

  /** The App API as an app owner with the instance read and write scopes. */
  protected AppHttp appOwner(String org) {
    return new AppHttp(appUrl(), storageText("/Home/GetTestOrgToken/" + org));
  }

  /** The App API as an app owner with exactly these (space-separated) scopes. */
  protected AppHttp appOwner(String org, String scopes) {
    return new AppHttp(appUrl(), storageText("/Home/GetTestOrgToken/" + org + "?scopes=" + scopes));
  }

  /** The App API with this bearer token. */
  protected AppHttp withToken(String token) {
    return new AppHttp(appUrl(), token);
  }

  /** Storage itself, as this user at {@code level}: for what only Storage serves, such as the message box. */
  protected AppHttp storageAsUser(int userId, int level) {
    return new AppHttp(STORAGE.root(), userToken(userId, level));
  }

  /** Storage itself, as the app owner: for checking what Storage holds. */
  protected AppHttp storageAsAppOwner(String org) {
    return new AppHttp(STORAGE.root(), storageText("/Home/GetTestOrgToken/" + org));
  }

  protected AppHttp anonymous() {
    return new AppHttp(appUrl(), null);
  }

  /**
   * Registration runs in the background after the App API starts: waits (up to 15 s) until Storage has both the
   * sample app and the test app {@code ttd/orgform}. Call it from a {@code @BeforeEach}: the App API is started for
   * the first test instance, after any {@code @BeforeAll}.
   */
  protected static void awaitAppsRegistered() {
    AppHttp storage = new AppHttp(STORAGE.apiUrl(), null);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (storage.get("/applications/test/sailor/texts/en").status() != 200
        || storage.get("/applications/ttd/orgform/texts/nb").status() != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Storage does not have test/sailor and ttd/orgform after 15 s");
      }
      sleep();
    }
  }

  /** An RFC 9457 problem with this status whose detail contains {@code detail}. */
  protected static void assertProblem(AppHttp.Response response, int status, String detail) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().get("detail").asString()).as(response.toString()).contains(detail);
  }

  /** The first data element of the type on the instance. */
  protected static JsonNode element(JsonNode instance, String dataType) {
    for (JsonNode element : instance.get("data")) {
      if (dataType.equals(element.get("dataType").asString())) {
        return element;
      }
    }
    throw new AssertionError("no " + dataType + " in " + instance);
  }

  /** The App API path of the first data element of the type on the instance. */
  protected static String elementPath(JsonNode instance, String dataType) {
    return AppHttp.pathOf(element(instance, dataType).at("/selfLinks/apps").asString());
  }

  private String appUrl() {
    return "http://localhost:" + port;
  }

  protected static String userToken(int userId, int level) {
    return storageText("/Home/GetTestUserToken/" + userId + "?authenticationLevel=" + level);
  }

  private static String storageText(String path) {
    AppHttp.Response response = new AppHttp(STORAGE.root(), null).get(path);
    if (response.status() != 200) {
      throw new AssertionError("No token from " + path + ": " + response);
    }
    return response.text().strip();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
