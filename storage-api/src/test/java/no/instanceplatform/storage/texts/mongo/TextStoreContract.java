package no.instanceplatform.storage.texts.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.model.TextResourceElement;
import no.instanceplatform.model.TextResourceVariable;
import no.instanceplatform.storage.applications.AppId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** What every backend of the text store must do; run once per backend. */
abstract class TextStoreContract {

  private static final AppId APP = new AppId("ttd", "my-app");

  private MongoTemplate mongo;
  private MongoTextStore store;

  /** A fresh, empty database of the backend under test. */
  abstract MongoTemplate mongo();

  @BeforeEach
  void newStore() {
    mongo = mongo();
    store = new MongoTextStore(mongo);
  }

  @Test
  void savedTextsAreAnsweredAndFoundWithIdOrgLanguageAndEveryText() {
    TextResource texts = texts("nb", "Hei");

    TextResource saved = store.save(APP, texts);

    TextResource expected = new TextResource("ttd-my-app-nb", "ttd", "nb", texts.resources());
    assertThat(saved).isEqualTo(expected);
    assertThat(store.find(APP, "nb")).contains(expected);
  }

  @Test
  void textsAreStoredUnderTheKeyOrgAppLanguage() {
    store.save(APP, texts("en", "Hello"));

    Document stored = mongo.getCollection(mongo.getCollectionName(TextResourceDocument.class)).find().first();

    assertThat(stored).isNotNull();
    assertThat(stored.get("_id")).isEqualTo("ttd-my-app-en");
  }

  @Test
  void theIdAndOrgTheCallerSentAreReplacedByTheStoresOwn() {
    TextResource sent = new TextResource("forged-id", "other-org", "nb", texts("nb", "Hei").resources());

    TextResource saved = store.save(APP, sent);

    assertThat(saved.id()).isEqualTo("ttd-my-app-nb");
    assertThat(saved.org()).isEqualTo("ttd");
    assertThat(store.find(APP, "nb")).contains(saved);
    assertThat(mongo.count(new Query(), TextResourceDocument.class)).isEqualTo(1);
  }

  @Test
  void textsOfAnotherLanguageOrApplicationAreNotFound() {
    store.save(APP, texts("nb", "Hei"));

    assertThat(store.find(APP, "en")).isEmpty();
    assertThat(store.find(new AppId("ttd", "other-app"), "nb")).isEmpty();
    assertThat(store.find(new AppId("brg", "my-app"), "nb")).isEmpty();
  }

  @Test
  void savingTheSameLanguageAgainReplacesItsTexts() {
    store.save(APP, texts("nb", "Hei"));
    TextResource second = new TextResource(null, null, "nb",
        List.of(new TextResourceElement("other.title", "Annen tittel", null)));

    TextResource saved = store.save(APP, second);

    TextResource expected = new TextResource("ttd-my-app-nb", "ttd", "nb", second.resources());
    assertThat(saved).isEqualTo(expected);
    assertThat(store.find(APP, "nb")).contains(expected);
    assertThat(mongo.count(new Query(), TextResourceDocument.class)).isEqualTo(1);
  }

  @Test
  void savingKeepsTheTextsOfOtherLanguagesAndApplications() {
    AppId otherApp = new AppId("ttd", "other-app");
    AppId otherOrg = new AppId("brg", "my-app");
    TextResource en = store.save(APP, texts("en", "Hello"));
    TextResource otherAppNb = store.save(otherApp, texts("nb", "Annen app"));
    TextResource otherOrgNb = store.save(otherOrg, texts("nb", "Annen org"));

    TextResource nb = store.save(APP, texts("nb", "Hei"));

    assertThat(store.find(APP, "nb")).contains(nb);
    assertThat(store.find(APP, "en")).contains(en);
    assertThat(store.find(otherApp, "nb")).contains(otherAppNb);
    assertThat(store.find(otherOrg, "nb")).contains(otherOrgNb);
    assertThat(otherOrgNb.id()).isEqualTo("brg-my-app-nb");
    assertThat(otherOrgNb.org()).isEqualTo("brg");
  }

  @Test
  void aReplaceOfExistingTextsStoresAndAnswersTheNewOnes() {
    store.save(APP, texts("nb", "Hei"));
    TextResource en = store.save(APP, texts("en", "Hello"));
    TextResource changed = texts("nb", "Hei igjen");

    TextResource replaced = store.replace(APP, changed).orElseThrow();

    TextResource expected = new TextResource("ttd-my-app-nb", "ttd", "nb", changed.resources());
    assertThat(replaced).isEqualTo(expected);
    assertThat(store.find(APP, "nb")).contains(expected);
    assertThat(store.find(APP, "en")).contains(en);
  }

  @Test
  void aReplaceOfMissingTextsIsEmptyAndCreatesNothing() {
    store.save(APP, texts("nb", "Hei"));

    assertThat(store.replace(APP, texts("en", "Hello"))).isEmpty();
    assertThat(store.replace(new AppId("ttd", "other-app"), texts("nb", "Hei"))).isEmpty();

    assertThat(store.find(APP, "en")).isEmpty();
    assertThat(store.find(new AppId("ttd", "other-app"), "nb")).isEmpty();
    assertThat(mongo.count(new Query(), TextResourceDocument.class)).isEqualTo(1);
  }

  @Test
  void deletingTextsAnswersTrueAndRemovesOnlyThatLanguageOfThatApplication() {
    AppId otherApp = new AppId("ttd", "other-app");
    TextResource nb = store.save(APP, texts("nb", "Hei"));
    TextResource en = store.save(APP, texts("en", "Hello"));
    TextResource otherAppNb = store.save(otherApp, texts("nb", "Annen app"));

    assertThat(store.delete(APP, "nb")).isTrue();

    assertThat(store.find(APP, "nb")).isEmpty();
    assertThat(store.find(APP, "en")).contains(en);
    assertThat(store.find(otherApp, "nb")).contains(otherAppNb);
    assertThat(nb.id()).isEqualTo("ttd-my-app-nb");
  }

  @Test
  void deletingMissingTextsAnswersFalse() {
    store.save(APP, texts("nb", "Hei"));

    assertThat(store.delete(APP, "en")).isFalse();
    assertThat(store.delete(new AppId("ttd", "other-app"), "nb")).isFalse();

    assertThat(store.delete(APP, "nb")).isTrue();
    assertThat(store.delete(APP, "nb")).isFalse();
  }

  /** Texts in one language: a plain one, one with variables (with and without a default) and one without value. */
  private static TextResource texts(String language, String greeting) {
    return new TextResource(null, null, language, List.of(
        new TextResourceElement("app.title", greeting, null),
        new TextResourceElement("summary", "Du heter {0} og er {1} år",
            List.of(new TextResourceVariable("Skjema.Navn", "dataModel.default", null),
                new TextResourceVariable("Skjema.Alder", "dataModel.default", "ukjent"))),
        new TextResourceElement("empty", null, null)));
  }
}
