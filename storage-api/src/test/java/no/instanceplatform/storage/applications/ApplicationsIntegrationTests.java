package no.instanceplatform.storage.applications;

import static no.instanceplatform.storage.applications.SailorApplication.PATH;
import static no.instanceplatform.storage.applications.SailorApplication.POST_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ApplicationsIntegrationTests extends IntegrationTest {

  /** The owner of test/sailor, with the appdeploy scope. */
  private static final String SAILOR_OWNER = "org:test";
  private static final String RELEASE_MANAGER_ORG_NUMBER = "910000001";

  private static final String BASE = "/storage/api/v1/applications";

  @Test
  void postingAnApplicationStoresItWithServerSetIdentityAndStamps() {
    Instant before = now();
    StorageHttp.Response posted = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);
    Instant after = now();

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.header("Location")).endsWith("/storage/api/v1/applications/test/sailor");
    JsonNode app = posted.json();
    assertThat(app.path("id").asString()).isEqualTo("test/sailor");
    assertThat(app.path("org").asString()).isEqualTo("test");
    assertThat(app.path("app").asString()).isEqualTo("sailor");
    assertThat(instant(app, "created")).isBetween(before, after);
    assertThat(app.path("createdBy").asString()).isEqualTo("test");
    assertThat(app.path("lastChanged")).isEqualTo(app.path("created"));
    assertThat(app.path("lastChangedBy").asString()).isEqualTo("test");
    assertThat(app.path("versionId").asString()).isEqualTo("v32.23-xyp");
    assertThat(app.path("processId").asString()).isEqualTo("standard");
    assertThat(app.path("title").path("en").asString()).isEqualTo("Test Application");
    assertThat(instant(app, "validFrom")).isEqualTo("2019-04-01T11:14:22Z");
    assertThat(app.path("validTo").isNull()).isTrue();
  }

  @Test
  void postingAnApplicationKeepsItsDataTypesIncludingTheMisspeltContentTypes() {
    JsonNode types = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON).json().path("dataTypes");

    assertThat(types).hasSize(3);
    assertThat(types.get(0).path("description").path("nb").asString()).isEqualTo("Båtdata");
    assertThat(types.get(0).path("appLogic").path("autoCreate").asBoolean()).isTrue();
    assertThat(types.get(0).path("maxSize").asInt()).isEqualTo(200000);
    assertThat(types.get(1).path("taskId").asString()).isEqualTo("Task_2");
    assertThat(types.get(1).path("minCount").asInt()).isEqualTo(1);
    assertThat(types.get(1).path("maxCount").asInt()).isEqualTo(3);
    assertThat(types.get(2).path("allowedContentTypes").get(0).asString()).isEqualTo("application/pdf");
    assertThat(types.get(2).path("appLogic").isNull()).isTrue();
  }

  @Test
  void gettingAnApplicationAnonymouslyAnswersWhatWasStored() {
    JsonNode posted = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON).json();

    StorageHttp.Response got = http.get(PATH);

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(posted);
  }

  @Test
  void postingAnApplicationTwiceUpsertsAndKeepsCreated() throws InterruptedException {
    JsonNode first = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON).json();
    Thread.sleep(5);
    ObjectNode release = SailorApplication.json().put("versionId", "v33");

    StorageHttp.Response second = releaseManager().post(POST_PATH, release);

    assertThat(second.status()).isEqualTo(201);
    JsonNode app = second.json();
    assertThat(app.path("versionId").asString()).isEqualTo("v33");
    assertThat(app.path("created")).isEqualTo(first.path("created"));
    assertThat(app.path("createdBy").asString()).isEqualTo("test");
    assertThat(instant(app, "lastChanged")).isAfter(instant(first, "lastChanged"));
    assertThat(app.path("lastChangedBy").asString()).isEqualTo(RELEASE_MANAGER_ORG_NUMBER);
    assertThat(http.get(BASE).json().path("applications")).hasSize(1);
    assertThat(http.get(PATH).json()).isEqualTo(app);
  }

  @Test
  void postingWithoutValidFromOrDataTypesDefaultsThemToNowAndNone() {
    ObjectNode body = SailorApplication.json();
    body.remove("validFrom");
    body.remove("dataTypes");

    JsonNode app = as(SAILOR_OWNER).post(POST_PATH, body).json();

    assertThat(app.path("validFrom")).isEqualTo(app.path("created"));
    assertThat(app.path("dataTypes").isArray()).isTrue();
    assertThat(app.path("dataTypes")).isEmpty();
  }

  @Test
  void postingAnApplicationWithNothingButItsAppIdIsAccepted() {
    StorageHttp.Response posted = as(APP_OWNER).post(BASE + "?appId=ttd/minimal", "{}");

    assertThat(posted.status()).isEqualTo(201);
    assertThat(posted.json().path("id").asString()).isEqualTo("ttd/minimal");
    assertThat(posted.json().path("title").isNull()).isTrue();
  }

  @Test
  void postingWithABodyIdThatDiffersFromTheAppIdIsRefused() {
    StorageHttp.Response posted = as(SAILOR_OWNER).post(BASE + "?appId=test/other", SailorApplication.JSON);

    assertProblem(posted, 400, "The application's id 'test/sailor' does not match the appId 'test/other'");
    assertProblem(http.get(BASE + "/test/other"), 404, "There is no application 'test/other'");
  }

  @Test
  void postingWithABodyOrgThatDiffersFromTheAppIdIsRefused() {
    ObjectNode body = SailorApplication.json().put("org", "ttd");
    body.remove("id");

    assertProblem(as(SAILOR_OWNER).post(POST_PATH, body), 400, "The application's org 'ttd' does not match");
  }

  @Test
  void postingWithoutAnAppIdIsRefused() {
    assertProblem(as(SAILOR_OWNER).post(BASE, SailorApplication.JSON), 400, "The appId is required");
  }

  @Test
  void postingWithAMalformedAppIdIsRefused() {
    assertProblem(as(SAILOR_OWNER).post(BASE + "?appId=test", "{}"), 400, "The appId 'test' is not valid");
    assertProblem(as(SAILOR_OWNER).post(BASE + "?appId=Test/sailor", "{}"), 400, "The org 'Test' is not valid");
    assertProblem(as(SAILOR_OWNER).post(BASE + "?appId=test/sai_lor", "{}"), 400,
        "The app name 'sai_lor' is not valid");
  }

  @Test
  void postingAMalformedBodyIsRefused() {
    assertProblem(as(SAILOR_OWNER).post(POST_PATH, "{\"title\": "), 400, "not valid JSON");
    assertProblem(as(SAILOR_OWNER).post(POST_PATH, "{\"maxSize\": \"big\"}"), 400, "'maxSize'");
  }

  @Test
  void listingApplicationsAnswersAllOfThemWrapped() {
    postMinimal("ttd/b");
    postMinimal("ttd/a");
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);

    StorageHttp.Response listed = http.get(BASE);

    assertThat(listed.status()).isEqualTo(200);
    assertThat(ids(listed)).containsExactly("test/sailor", "ttd/a", "ttd/b");
  }

  @Test
  void listingTheApplicationsOfOneOrgAnswersOnlyThose() {
    postMinimal("ttd/b");
    postMinimal("ttd/a");
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);

    assertThat(ids(http.get(BASE + "/ttd"))).containsExactly("ttd/a", "ttd/b");
    assertThat(ids(http.get(BASE + "/test"))).containsExactly("test/sailor");
    assertThat(ids(http.get(BASE + "/nobody"))).isEmpty();
  }

  @Test
  void listingTheApplicationsOfAnInvalidOrgIsRefused() {
    assertProblem(http.get(BASE + "/TTD"), 400, "The org 'TTD' is not valid");
  }

  @Test
  void gettingAnUnknownApplicationAnswersNotFound() {
    assertProblem(http.get(BASE + "/test/nope"), 404, "There is no application 'test/nope'");
  }

  @Test
  void gettingAnApplicationWithAnInvalidNameIsRefused() {
    assertProblem(http.get(BASE + "/test/Sailor"), 400, "The app name 'Sailor' is not valid");
    assertProblem(http.get(BASE + "/1test/sailor"), 400, "The org '1test' is not valid");
  }

  @Test
  void puttingAnApplicationReplacesItAndKeepsCreated() throws InterruptedException {
    JsonNode first = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON).json();
    Thread.sleep(5);
    ObjectNode body = SailorApplication.json().put("versionId", "v34");
    body.remove("processId");
    body.remove("id");

    StorageHttp.Response put = releaseManager().put(PATH, body);

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode app = put.json();
    assertThat(app.path("id").asString()).isEqualTo("test/sailor");
    assertThat(app.path("versionId").asString()).isEqualTo("v34");
    assertThat(app.path("processId").isNull()).isTrue();
    assertThat(app.path("created")).isEqualTo(first.path("created"));
    assertThat(app.path("createdBy").asString()).isEqualTo("test");
    assertThat(instant(app, "lastChanged")).isAfter(instant(first, "lastChanged"));
    assertThat(app.path("lastChangedBy").asString()).isEqualTo(RELEASE_MANAGER_ORG_NUMBER);
    assertThat(http.get(PATH).json()).isEqualTo(app);
  }

  @Test
  void puttingAnUnknownApplicationAnswersNotFound() {
    assertProblem(as(SAILOR_OWNER).put(PATH, SailorApplication.JSON), 404, "There is no application 'test/sailor'");
    assertProblem(http.get(PATH), 404, "There is no application 'test/sailor'");
  }

  @Test
  void puttingWithABodyIdThatDiffersFromThePathIsRefused() {
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);
    ObjectNode body = SailorApplication.json().put("id", "test/other");

    assertProblem(as(SAILOR_OWNER).put(PATH, body), 400,
        "The application's id 'test/other' does not match the appId 'test/sailor'");
  }

  @Test
  void puttingWithAnInvalidPathIsRefused() {
    assertProblem(as(SAILOR_OWNER).put(BASE + "/test/Sailor", "{}"), 400, "The app name 'Sailor' is not valid");
  }

  @Test
  void softDeletingAnApplicationEndsItsValidityNowAndKeepsIt() {
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);

    Instant before = now();
    StorageHttp.Response deleted = releaseManager().delete(PATH + "?hard=false");
    Instant after = now();

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    JsonNode app = deleted.json();
    assertThat(instant(app, "validTo")).isBetween(before, after);
    assertThat(app.path("lastChanged")).isEqualTo(app.path("validTo"));
    assertThat(app.path("lastChangedBy").asString()).isEqualTo(RELEASE_MANAGER_ORG_NUMBER);
    assertThat(app.path("versionId").asString()).isEqualTo("v32.23-xyp");
    assertThat(http.get(PATH).json()).isEqualTo(app);
  }

  @Test
  void deletingWithoutTheHardFlagIsSoft() {
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);

    StorageHttp.Response deleted = as(SAILOR_OWNER).delete(PATH);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(http.get(PATH).json().path("validTo").isNull()).isFalse();
  }

  @Test
  void hardDeletingAnApplicationRemovesItAndAnswersIt() {
    JsonNode posted = as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON).json();

    StorageHttp.Response deleted = as(SAILOR_OWNER).delete(PATH + "?hard=true");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json()).isEqualTo(posted);
    assertProblem(http.get(PATH), 404, "There is no application 'test/sailor'");
    assertThat(ids(http.get(BASE))).isEmpty();
  }

  @Test
  void deletingAnUnknownApplicationAnswersNotFound() {
    assertProblem(as(SAILOR_OWNER).delete(PATH), 404, "There is no application 'test/sailor'");
    assertProblem(as(SAILOR_OWNER).delete(PATH + "?hard=true"), 404, "There is no application 'test/sailor'");
  }

  @Test
  void deletingWithAMalformedHardFlagOrPathIsRefused() {
    as(SAILOR_OWNER).post(POST_PATH, SailorApplication.JSON);

    assertProblem(as(SAILOR_OWNER).delete(PATH + "?hard=maybe"), 400, "'hard'");
    assertProblem(as(SAILOR_OWNER).delete(BASE + "/Test/sailor"), 400, "The org 'Test' is not valid");
    assertThat(http.get(PATH).json().path("validTo").isNull()).isTrue();
  }

  private void postMinimal(String appId) {
    String org = appId.substring(0, appId.indexOf('/'));
    assertThat(as("org:" + org).post(BASE + "?appId=" + appId, "{}").status()).isEqualTo(201);
  }

  private static List<String> ids(StorageHttp.Response listed) {
    return listed.json().path("applications").valueStream().map(app -> app.path("id").asString()).toList();
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.path(field).asString());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The same app owner deploying with another identity, so that the change stamps show who changed what. */
  private StorageHttp releaseManager() {
    return withToken(tokens.orgToken("test", RELEASE_MANAGER_ORG_NUMBER, List.of(AccessPolicy.DEPLOY_SCOPE), 3));
  }
}
