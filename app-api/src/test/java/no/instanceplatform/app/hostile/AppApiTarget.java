package no.instanceplatform.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.InProcessStorage;
import no.instanceplatform.app.support.RunningAppApi;
import no.instanceplatform.app.support.SharedStorage;

/**
 * What the App API's hostile-input properties aim at: the App API and Storage of this test JVM, Sophie's client,
 * an instance of the sample app at Task_1 with an empty boat form, and what Storage holds, to show that a refused
 * request changed nothing.
 */
final class AppApiTarget {

  static final String INSTANCES = "/test/sailor/instances";
  private static final List<String> LEAKS = List.of("at no.", "Exception", ".java", "/opt/", "org.springframework",
      "org.apache", "tools.jackson", "com.mongodb");

  final AppHttp sophie;
  final AppHttp storage;
  final String instance;

  AppApiTarget() {
    InProcessStorage running = SharedStorage.INSTANCE;
    AppHttp tokens = new AppHttp(running.root(), null);
    sophie = new AppHttp("http://localhost:" + RunningAppApi.port(),
        tokens.get("/Home/GetTestUserToken/1337?authenticationLevel=2").text().strip());
    storage = new AppHttp(running.root(), tokens.get("/Home/GetTestOrgToken/test").text().strip());
    awaitRegistered();
    AppHttp.Response created = sophie.post(INSTANCES + "?instanceOwnerPartyId=501337", null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    instance = INSTANCES + "/" + created.json().get("id").asString();
  }

  /** How many of Sophie's instances of the sample app Storage holds (hard-deleted or not), and this one as it is. */
  String snapshot() {
    long all = storage.get("/storage/api/v1/instances?appId=test/sailor&instanceOwner.partyId=501337&size=1")
        .json().get("totalHits").asLong();
    String mine = storage.get("/storage/api/v1" + instance.substring("/test/sailor".length())).text()
        .replaceAll("\"readStatus\":\"[A-Za-z]+\"", "");
    return all + " " + mine;
  }

  /** A 4xx problem, which says nothing of our insides. */
  static void assertRefused(String what, AppHttp.Response response) {
    assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
    assertThat(response.header("Content-Type")).as(what + " -> " + response).hasValue("application/problem+json");
    assertThat(response.text()).as(what).doesNotContain(LEAKS);
  }

  private void awaitRegistered() {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (sophie.get("/test/sailor/api/v1/applicationmetadata").status() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The sample app is not registered after 15 s");
      }
      Thread.onSpinWait();
    }
  }
}
