package no.instanceplatform.storage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules the matrix cannot show: what end users never see, and what a refusal gives away. */
class AccessRulesIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @Autowired
  ApplicationStore applications;

  @BeforeEach
  void anApp() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
  }

  @Test
  void aHardDeletedInstanceIsInvisibleToUsersButNotToTheAppOwner() {
    String instance = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(as(USER_1337).delete(instance + "?hard=true").status()).isEqualTo(200);

    assertProblem(as(USER_1337).get(instance), 404, "was not found");
    assertProblem(as(USER_1337).get(instance + "/events"), 404, "was not found");
    assertProblem(as(USER_1337).delete(instance), 404, "was not found");
    assertThat(http.get(instance).json().path("status").path("isHardDeleted").asBoolean()).isTrue();
  }

  @Test
  void aSoftDeletedInstanceStaysVisibleToItsUserInTheRecycleBin() {
    String instance = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "501337")));
    as(USER_1337).delete(instance);

    StorageHttp.Response read = as(USER_1337).get(instance);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("status").path("isSoftDeleted").asBoolean()).isTrue();
  }

  @Test
  void anInstanceIsInvisibleToUsersUntilItsVisibleAfter() {
    String instance = create(APP_OWNER,
        Map.of("instanceOwner", Map.of("partyId", "501337"), "visibleAfter", "2099-01-01T00:00:00Z"));

    assertProblem(as(USER_1337).get(instance), 404, "was not found");
    assertProblem(as(USER_1337).put(instance + "/readstatus?status=Read", null), 404, "was not found");
    assertThat(http.get(instance).status()).isEqualTo(200);
  }

  @Test
  void aHiddenInstanceIsRefusedInTheSameWordsAsOneThatDoesNotExist() {
    String instance = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "501337")));
    String missing = INSTANCES + "/501337/" + UUID.randomUUID();

    String hidden = as("user:12345:2").get(instance).json().path("detail").asString();
    String absent = as("user:12345:2").get(missing).json().path("detail").asString();

    assertThat(hidden.replaceAll("[0-9a-f-]{36}", "{guid}")).isEqualTo(absent.replaceAll("[0-9a-f-]{36}", "{guid}"));
  }

  @Test
  void aRepresentativeActsForTheOrganisationButNotForPartiesOutsideTheList() {
    String forCompany = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "500000")));

    assertThat(as(USER_1337).get(forCompany).json().path("instanceOwner").path("partyId").asString())
        .isEqualTo("500000");
    assertProblem(as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "512345"))), 403, "may not act for party 512345");
    assertProblem(as("user:12345:2").get(forCompany), 404, "was not found");
  }

  @Test
  void aUserAtLevelOneReadsButNeitherCreatesNorWrites() {
    String instance = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "501337")));

    assertThat(as("user:1337:1").get(instance).status()).isEqualTo(200);
    assertProblem(as("user:1337:1").post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))), 403, "authentication level 2");
    assertProblem(as("user:1337:1").put(instance + "/datavalues", Map.of("values", Map.of("a", "b"))), 403,
        "authentication level 2");
  }

  @Test
  void anAppOwnerNeedsTheReadScopeToReadAndTheWriteScopeToWrite() {
    String instance = create(USER_1337, Map.of("instanceOwner", Map.of("partyId", "501337")));
    StorageHttp reader = as("org:ttd:" + AccessPolicy.READ_SCOPE);
    StorageHttp writer = as("org:ttd:" + AccessPolicy.WRITE_SCOPE);

    assertThat(reader.get(instance).status()).isEqualTo(200);
    assertProblem(reader.post(instance + "/complete", null), 403, AccessPolicy.WRITE_SCOPE);
    assertThat(writer.post(instance + "/complete", null).status()).isEqualTo(200);
    assertProblem(writer.get(instance), 403, AccessPolicy.READ_SCOPE);
  }

  private String create(String caller, Map<String, Object> template) {
    StorageHttp.Response created = as(caller).post(INSTANCES + "?appId=ttd/test-app", template);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return INSTANCES + "/" + created.json().path("id").asString();
  }
}
