package no.instanceplatform.storage.texts;

import static org.assertj.core.api.Assertions.assertThat;

import no.instanceplatform.storage.applications.SailorApplication;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TextsIntegrationTests extends IntegrationTest {

  /** The owner of test/sailor, with the appdeploy scope. */
  private static final String SAILOR_OWNER = "org:test";

  private static final String TEXTS = SailorApplication.PATH + "/texts";

  /** The seed's example, with its {@code "resources:"} typo corrected, and an id and org Storage must overrule. */
  private static final String NB = """
      {
          "id": "chosen-by-client",
          "org": "someone",
          "language": "nb",
          "resources": [
              {"id": "some_id", "value": "some value"},
              {"id": "some_other_id", "value": "some other value"},
              {"id": "yet_another_id", "value": "Text containing two variables: {0} and {1}.",
               "variables": [
                  {"key": "dataSouce.TextKey_1", "dataSource": "dataModel.dataModelName"},
                  {"key": "dataSouce.TextKey_2", "dataSource": "dataModel.dataModelName"}
               ]}
          ]
      }
      """;

  @BeforeEach
  void deployTheSailorApp() {
    assertThat(as(SAILOR_OWNER).post(SailorApplication.POST_PATH, SailorApplication.JSON).status()).isEqualTo(201);
  }

  @Test
  void postingTextsStoresThemWithServerSetIdAndOrg() {
    StorageHttp.Response posted = as(SAILOR_OWNER).post(TEXTS, NB);

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.header("Location")).endsWith("/storage/api/v1/applications/test/sailor/texts/nb");
    JsonNode texts = posted.json();
    assertThat(texts.path("id").asString()).isEqualTo("test-sailor-nb");
    assertThat(texts.path("org").asString()).isEqualTo("test");
    assertThat(texts.path("language").asString()).isEqualTo("nb");
    assertThat(texts.path("resources")).hasSize(3);
    assertThat(texts.path("resources").get(0).path("value").asString()).isEqualTo("some value");
    JsonNode variables = texts.path("resources").get(2).path("variables");
    assertThat(variables.get(1).path("key").asString()).isEqualTo("dataSouce.TextKey_2");
    assertThat(variables.get(1).path("dataSource").asString()).isEqualTo("dataModel.dataModelName");
  }

  @Test
  void gettingTextsAnswersWhatWasStored() {
    JsonNode posted = as(SAILOR_OWNER).post(TEXTS, NB).json();

    StorageHttp.Response got = as(USER_1337).get(TEXTS + "/nb");

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(posted);
  }

  @Test
  void postingTextsTwiceReplacesThemAsAltinnDoes() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    StorageHttp.Response again = as(SAILOR_OWNER).post(TEXTS, texts("nb", "only_id", "new value"));

    assertThat(again.status()).isEqualTo(201);
    JsonNode stored = as(SAILOR_OWNER).get(TEXTS + "/nb").json();
    assertThat(stored.path("resources")).hasSize(1);
    assertThat(stored.path("resources").get(0).path("value").asString()).isEqualTo("new value");
    assertThat(stored).isEqualTo(again.json());
  }

  @Test
  void postingTextsForAnUnknownApplicationAnswersNotFound() {
    assertProblem(as(SAILOR_OWNER).post("/storage/api/v1/applications/test/nope/texts", NB), 404,
        "There is no application 'test/nope'");
  }

  @Test
  void postingTextsWithoutALanguageIsRefused() {
    ObjectNode body = texts("nb", "a", "b");
    body.remove("language");

    assertProblem(as(SAILOR_OWNER).post(TEXTS, body), 400, "The text resource's 'language' is required");
  }

  @Test
  void postingTextsWithALanguageThatIsNotTwoLowerCaseLettersIsRefused() {
    for (String language : new String[] {"NB", "nob", "n1", "", "nn-NO"}) {
      assertProblem(as(SAILOR_OWNER).post(TEXTS, texts(language, "a", "b")), 400,
          "The language '" + language + "' is not valid");
    }
  }

  @Test
  void postingTextsWithoutResourcesIsRefused() {
    ObjectNode body = texts("nb", "a", "b");
    body.remove("resources");

    assertProblem(as(SAILOR_OWNER).post(TEXTS, body), 400, "The text resource's 'resources' is required");
  }

  @Test
  void postingATextWithoutAnIdIsRefused() {
    String body = """
        {"language": "nb", "resources": [{"id": "a", "value": "A"}, {"value": "no id"}]}
        """;

    assertProblem(as(SAILOR_OWNER).post(TEXTS, body), 400, "The text at resources[1] has no 'id'");
    assertProblem(as(SAILOR_OWNER).get(TEXTS + "/nb"), 404, "There are no texts in language 'nb'");
  }

  @Test
  void gettingTextsOfAnotherLanguageAnswersNotFound() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    assertProblem(as(SAILOR_OWNER).get(TEXTS + "/en"), 404,
        "There are no texts in language 'en' for application 'test/sailor'");
  }

  @Test
  void gettingTextsWithAnInvalidLanguageOrAppIsRefused() {
    assertProblem(as(SAILOR_OWNER).get(TEXTS + "/NB"), 400, "The language 'NB' is not valid");
    assertProblem(as(SAILOR_OWNER).get("/storage/api/v1/applications/test/Sailor/texts/nb"), 400,
        "The app name 'Sailor' is not valid");
  }

  @Test
  void textsOfEachLanguageAreKeptApart() {
    as(SAILOR_OWNER).post(TEXTS, NB);
    as(SAILOR_OWNER).post(TEXTS, texts("en", "some_id", "some value in English"));

    assertThat(as(SAILOR_OWNER).delete(TEXTS + "/nb").status()).isEqualTo(200);

    JsonNode english = as(SAILOR_OWNER).get(TEXTS + "/en").json();
    assertThat(english.path("id").asString()).isEqualTo("test-sailor-en");
    assertThat(english.path("resources").get(0).path("value").asString()).isEqualTo("some value in English");
  }

  @Test
  void puttingTextsReplacesThem() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    StorageHttp.Response put = as(SAILOR_OWNER).put(TEXTS + "/nb", texts("nb", "replaced_id", "replaced"));

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode texts = put.json();
    assertThat(texts.path("id").asString()).isEqualTo("test-sailor-nb");
    assertThat(texts.path("org").asString()).isEqualTo("test");
    assertThat(texts.path("resources")).hasSize(1);
    assertThat(texts.path("resources").get(0).path("id").asString()).isEqualTo("replaced_id");
    assertThat(as(SAILOR_OWNER).get(TEXTS + "/nb").json()).isEqualTo(texts);
  }

  @Test
  void puttingTextsThatDoNotExistAnswersNotFound() {
    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/nb", NB), 404,
        "There are no texts in language 'nb' for application 'test/sailor'");
    assertProblem(as(SAILOR_OWNER).get(TEXTS + "/nb"), 404, "There are no texts in language 'nb'");
  }

  @Test
  void puttingTextsWhoseLanguageDiffersFromThePathIsRefused() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/en", NB), 400,
        "The text resource's language 'nb' does not match the language 'en' in the path");
    ObjectNode withoutLanguage = texts("nb", "a", "b");
    withoutLanguage.remove("language");
    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/nb", withoutLanguage), 400,
        "The text resource's 'language' is required");
  }

  @Test
  void puttingInvalidTextsIsRefused() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/nb", "{\"language\": \"nb\", \"resources\": [{}]}"), 400,
        "The text at resources[0] has no 'id'");
    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/nb", "{\"language\": \"nb\"}"), 400, "'resources' is required");
    assertProblem(as(SAILOR_OWNER).put(TEXTS + "/Nb", NB), 400, "The language 'Nb' is not valid");
    assertThat(as(SAILOR_OWNER).get(TEXTS + "/nb").json().path("resources")).hasSize(3);
  }

  @Test
  void deletingTextsRemovesThemAndAnswersWithoutABody() {
    as(SAILOR_OWNER).post(TEXTS, NB);

    StorageHttp.Response deleted = as(SAILOR_OWNER).delete(TEXTS + "/nb");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.text()).isEmpty();
    assertProblem(as(SAILOR_OWNER).get(TEXTS + "/nb"), 404, "There are no texts in language 'nb'");
  }

  @Test
  void deletingTextsThatDoNotExistAnswersNotFound() {
    assertProblem(as(SAILOR_OWNER).delete(TEXTS + "/nb"), 404,
        "There are no texts in language 'nb' for application 'test/sailor'");
  }

  @Test
  void deletingTextsWithAnInvalidLanguageIsRefused() {
    assertProblem(as(SAILOR_OWNER).delete(TEXTS + "/nob"), 400, "The language 'nob' is not valid");
  }

  private static ObjectNode texts(String language, String id, String value) {
    ObjectNode body = StorageHttp.JSON.createObjectNode().put("language", language);
    body.putArray("resources").addObject().put("id", id).put("value", value);
    return body;
  }
}
