package no.instanceplatform.storage.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Register, Profile and Authorization's party list as LocalTest serves them, from the shared test data. */
class RegisterAndProfileIntegrationTests extends IntegrationTest {

  private static final String PARTIES = "/register/api/v1/parties/";
  private static final String LOOKUP = "/register/api/v1/parties/lookup";
  private static final String ORGANIZATIONS = "/register/api/v1/organizations/";
  private static final String PROFILES = "/profile/api/v1/users/";
  private static final String AUTHORIZED_PARTIES = "/authorization/api/v1/parties";

  /** DESIGN.md's test data: each user and the party that is the user. */
  private static final Map<Integer, String> USERS = users();
  /** DESIGN.md's organisation parties: party id, name, organisation number. */
  private static final List<List<String>> ORGANISATIONS = List.of(
      List.of("500000", "DDG Fitness AS", "897069650"),
      List.of("500700", "Oslos Vakreste Borettslag", "950474084"));

  private static Map<Integer, String> users() {
    Map<Integer, String> users = new LinkedHashMap<>();
    users.put(1337, "501337");
    users.put(12345, "512345");
    users.put(1001, "510001");
    users.put(1002, "510002");
    users.put(1003, "510003");
    return users;
  }

  @Test
  void aPersonPartyIsServedWithItsNationalIdentityNumber() {
    StorageHttp.Response response = anonymous.get(PARTIES + "501337");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode party = response.json();
    assertThat(party.path("partyId").asString()).isEqualTo("501337");
    assertThat(party.path("name").asString()).isEqualTo("Sophie Salt");
    assertThat(party.path("partyTypeName").asInt()).isEqualTo(1);
    assertThat(party.path("ssn").asString()).isEqualTo("01039012345");
    assertThat(party.path("person").path("firstName").asString()).isEqualTo("Sophie");
    assertThat(party.path("isDeleted").asBoolean(true)).isFalse();
  }

  @Test
  void anOrganisationPartyIsServedWithItsOrganisationNumber() {
    StorageHttp.Response response = anonymous.get(PARTIES + "500000");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode party = response.json();
    assertThat(party.path("name").asString()).isEqualTo("DDG Fitness AS");
    assertThat(party.path("partyTypeName").asInt()).isEqualTo(2);
    assertThat(party.path("orgNumber").asString()).isEqualTo("897069650");
    assertThat(party.path("organization").path("orgNumber").asString()).isEqualTo("897069650");
  }

  @Test
  void anUnknownPartyIsNotFound() {
    assertProblem(anonymous.get(PARTIES + "999999"), 404, "999999");
  }

  @Test
  void aNonNumericPartyIdIsRefused() {
    assertProblem(anonymous.get(PARTIES + "abc"), 400, "partyId");
  }

  @Test
  void aLookupByNationalIdentityNumberFindsThePerson() {
    StorageHttp.Response response = anonymous.post(LOOKUP, Map.of("ssn", "01039012345"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("partyId").asString()).isEqualTo("501337");
    assertThat(response.json().path("name").asString()).isEqualTo("Sophie Salt");
  }

  @Test
  void aLookupByOrganisationNumberFindsTheOrganisation() {
    StorageHttp.Response response = anonymous.post(LOOKUP, Map.of("orgNo", "950474084"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("partyId").asString()).isEqualTo("500700");
    assertThat(response.json().path("name").asString()).isEqualTo("Oslos Vakreste Borettslag");
  }

  @Test
  void aLookupNeedsExactlyOneOfSsnAndOrgNo() {
    assertProblem(anonymous.post(LOOKUP, Map.of("ssn", "01039012345", "orgNo", "950474084")), 400, "exactly one");
    assertProblem(anonymous.post(LOOKUP, Map.of()), 400, "exactly one");
    assertProblem(anonymous.send("POST", LOOKUP, null, "application/json"), 400, "");
  }

  @Test
  void aLookupOfAnUnknownPersonOrOrganisationIsNotFound() {
    StorageHttp.Response unknownPerson = anonymous.post(LOOKUP, Map.of("ssn", "31129999999"));
    assertProblem(unknownPerson, 404, "no person");
    assertThat(unknownPerson.text()).as("the national identity number is not echoed").doesNotContain("31129999999");
    assertProblem(anonymous.post(LOOKUP, Map.of("orgNo", "999999999")), 404, "999999999");
  }

  @Test
  void anOrganisationIsServedByItsNumber() {
    StorageHttp.Response response = anonymous.get(ORGANIZATIONS + "897069650");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("orgNumber").asString()).isEqualTo("897069650");
    assertThat(response.json().path("name").asString()).isEqualTo("DDG Fitness AS");
  }

  @Test
  void anUnknownOrganisationIsNotFound() {
    assertProblem(anonymous.get(ORGANIZATIONS + "999999999"), 404, "999999999");
  }

  @Test
  void aUsersProfileHasTheUsersPartyAndLanguage() {
    StorageHttp.Response response = anonymous.get(PROFILES + "1337");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode profile = response.json();
    assertThat(profile.path("userId").asInt()).isEqualTo(1337);
    assertThat(profile.path("partyId").asInt()).isEqualTo(501337);
    assertThat(profile.path("userName").asString()).isEqualTo(testData.user(1337).orElseThrow().userName());
    assertThat(profile.path("party").path("partyId").asString()).isEqualTo("501337");
    assertThat(profile.path("party").path("name").asString()).isEqualTo("Sophie Salt");
    assertThat(profile.path("party").path("ssn").asString()).isEqualTo("01039012345");
    assertThat(profile.path("profileSettingPreference").path("language").asString()).isEqualTo("nb");
  }

  @Test
  void anUnknownUsersProfileIsNotFound() {
    assertProblem(anonymous.get(PROFILES + "999999"), 404, "999999");
  }

  @Test
  void aUserMayRepresentTheirOwnPartyFirstThenTheOrganisations() {
    StorageHttp.Response response = anonymous.get(AUTHORIZED_PARTIES + "?userId=1337");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(partyIds(response.json())).containsExactly("501337", "500000", "500700");
  }

  @Test
  void aUserWhoRepresentsNobodyElseHasOnlyTheirOwnParty() {
    assertThat(partyIds(anonymous.get(AUTHORIZED_PARTIES + "?userId=12345").json())).containsExactly("512345");
  }

  @Test
  void thePartyListNeedsAKnownUserId() {
    assertProblem(anonymous.get(AUTHORIZED_PARTIES), 400, "userId");
    assertProblem(anonymous.get(AUTHORIZED_PARTIES + "?userId=abc"), 400, "userId");
    assertProblem(anonymous.get(AUTHORIZED_PARTIES + "?userId=999999"), 404, "999999");
  }

  @Test
  void everyTestUserOfTheDesignHasAProfileAPartyAndAPartyList() {
    USERS.forEach((userId, partyId) -> {
      JsonNode profile = anonymous.get(PROFILES + userId).json();
      assertThat(profile.path("userId").asInt()).as("profile of %s", userId).isEqualTo(userId);
      assertThat(profile.path("partyId").asString()).as("party of %s", userId).isEqualTo(partyId);

      StorageHttp.Response party = anonymous.get(PARTIES + partyId);
      assertThat(party.status()).as("party %s", partyId).isEqualTo(200);
      assertThat(party.json().path("partyTypeName").asInt()).isEqualTo(1);
      assertThat(party.json().path("ssn").asString()).isNotBlank();
      JsonNode lookedUp = anonymous.post(LOOKUP, Map.of("ssn", party.json().path("ssn").asString())).json();
      assertThat(lookedUp.path("partyId").asString()).isEqualTo(partyId);

      assertThat(partyIds(anonymous.get(AUTHORIZED_PARTIES + "?userId=" + userId).json()).getFirst())
          .isEqualTo(partyId);
    });
    assertThat(anonymous.get(PARTIES + "512345").json().path("name").asString()).isEqualTo("Ola Nordmann");
    assertThat(anonymous.get(PARTIES + "512345").json().path("ssn").asString()).isEqualTo("01017512345");
  }

  @Test
  void everyOrganisationOfTheDesignIsServedByPartyIdNumberAndLookup() {
    for (List<String> organisation : ORGANISATIONS) {
      String partyId = organisation.get(0);
      String name = organisation.get(1);
      String orgNumber = organisation.get(2);

      JsonNode party = anonymous.get(PARTIES + partyId).json();
      assertThat(party.path("name").asString()).isEqualTo(name);
      assertThat(party.path("partyTypeName").asInt()).isEqualTo(2);
      assertThat(party.path("orgNumber").asString()).isEqualTo(orgNumber);

      JsonNode byNumber = anonymous.get(ORGANIZATIONS + orgNumber).json();
      assertThat(byNumber.path("orgNumber").asString()).isEqualTo(orgNumber);
      assertThat(byNumber.path("name").asString()).isEqualTo(name);

      assertThat(anonymous.post(LOOKUP, Map.of("orgNo", orgNumber)).json().path("partyId").asString())
          .isEqualTo(partyId);
    }
  }

  @Test
  void theRegisterServesNothingButTheTestData() {
    assertThat(testData.users()).extracting(LocalTestData.User::userId)
        .containsExactlyInAnyOrderElementsOf(USERS.keySet());
    assertThat(testData.parties()).extracting(Party::partyId).containsExactlyInAnyOrder(
        "501337", "512345", "510001", "510002", "510003", "500000", "500700");
  }

  private static List<String> partyIds(JsonNode parties) {
    assertThat(parties.isArray()).as(parties.toString()).isTrue();
    return parties.values().stream().map(party -> party.path("partyId").asString()).toList();
  }
}
