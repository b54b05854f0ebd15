package no.instanceplatform.storage.applications.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.ApplicationLogic;
import no.instanceplatform.model.CopyInstanceSettings;
import no.instanceplatform.model.DataField;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.PartyTypesAllowed;
import no.instanceplatform.storage.applications.AppId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** What every backend of the application store must do; run once per backend. */
abstract class ApplicationStoreContract {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private MongoTemplate mongo;
  private MongoApplicationStore store;

  /** A fresh, empty database of the backend under test. */
  abstract MongoTemplate mongo();

  @BeforeEach
  void newStore() {
    mongo = mongo();
    store = new MongoApplicationStore(mongo);
  }

  @Test
  void anUpsertedApplicationIsFoundWithEveryField() {
    Application application = fullApplication("ttd", "full-app");

    Application written = store.upsert(application);

    assertThat(written).isEqualTo(application);
    assertThat(store.find(appId(application))).contains(application);
  }

  @Test
  void anApplicationWithOnlyItsIdentityIsFoundWithTheRestAbsent() {
    Application bare = new Application("ttd/bare", null, "ttd", "bare", null, null, null, null, null, null, null,
        null, null, null, null, false, null, null, null, null);

    assertThat(store.upsert(bare)).isEqualTo(bare);

    assertThat(store.find(appId(bare))).contains(bare);
  }

  @Test
  void anApplicationWithoutDataTypesKeepsAnEmptyListOfThem() {
    Application application = withDataTypes(fullApplication("ttd", "no-types"), List.of());

    store.upsert(application);

    assertThat(store.find(appId(application)).orElseThrow().dataTypes()).isNotNull().isEmpty();
  }

  @Test
  void timestampsAreKeptToTheMillisecondAndTheWriteAnswersWhatAReadReturns() {
    Instant precise = Instant.parse("2024-05-03T12:00:00.123456789Z");
    Instant millis = Instant.parse("2024-05-03T12:00:00.123Z");
    Application application = new Application("ttd/precise", null, "ttd", "precise", precise, "1", precise, "1",
        null, null, precise, precise, null, List.of(), null, false, null, null, null, null);

    Application written = store.upsert(application);

    Application read = store.find(appId(application)).orElseThrow();
    assertThat(written).isEqualTo(read);
    assertThat(List.of(read.created(), read.lastChanged(), read.validFrom(), read.validTo())).containsOnly(millis);
  }

  @Test
  void anUnknownApplicationIsNotFound() {
    store.upsert(fullApplication("ttd", "known"));

    assertThat(store.find(new AppId("ttd", "unknown"))).isEmpty();
    assertThat(store.find(new AppId("brg", "known"))).isEmpty();
  }

  @Test
  void findAllOfAnEmptyStoreIsEmpty() {
    assertThat(store.findAll(null)).isEmpty();
    assertThat(store.findAll("ttd")).isEmpty();
  }

  @Test
  void findAllWithoutAnOrgListsEveryApplicationOrderedById() {
    Application ttdB = fullApplication("ttd", "b-app");
    Application skd = fullApplication("skd", "a-app");
    Application ttdA = fullApplication("ttd", "a-app");
    Application brg = fullApplication("brg", "z-app");
    List.of(ttdB, skd, ttdA, brg).forEach(store::upsert);

    assertThat(store.findAll(null)).containsExactly(brg, skd, ttdA, ttdB);
  }

  @Test
  void findAllOfAnOrgListsOnlyThatOrgsApplicationsOrderedById() {
    Application ttdC = fullApplication("ttd", "c-app");
    Application ttdA = fullApplication("ttd", "a-app");
    Application ttdB = fullApplication("ttd", "b-app");
    Application prefixOrg = fullApplication("tt", "a-app");
    Application otherOrg = fullApplication("brg", "a-app");
    List.of(ttdC, prefixOrg, ttdA, otherOrg, ttdB).forEach(store::upsert);

    assertThat(store.findAll("ttd")).containsExactly(ttdA, ttdB, ttdC);
    assertThat(store.findAll("tt")).containsExactly(prefixOrg);
    assertThat(store.findAll("nobody")).isEmpty();
  }

  @Test
  void anUpsertOfAnExistingApplicationReplacesItButKeepsItsCreationStamp() {
    Application first = fullApplication("ttd", "redeployed");
    store.upsert(first);
    Application second = redeployed(first, NOW.plusSeconds(60), "redeployer");

    Application written = store.upsert(second);

    Application expected = withCreated(second, first.created(), first.createdBy());
    assertThat(written).isEqualTo(expected);
    assertThat(store.find(appId(first))).contains(expected);
    assertThat(documentCount()).isEqualTo(1);
  }

  @Test
  void anUpsertOfAnExistingApplicationRemovesFieldsTheNewOneLacks() {
    Application first = fullApplication("ttd", "slimmed");
    store.upsert(first);
    Application slim = new Application(first.id(), null, first.org(), first.app(), NOW.plusSeconds(60), "slimmer",
        NOW.plusSeconds(60), "slimmer", null, null, null, null, null, List.of(), null, false, null, null, null, null);

    store.upsert(slim);

    assertThat(store.find(appId(first))).contains(withCreated(slim, first.created(), first.createdBy()));
  }

  @Test
  void concurrentUpsertsOfANewApplicationLeaveOneDocumentWhoseCreationStampIsOneOfTheirsAndIsKept()
      throws Exception {
    int writers = 8;
    Application template = fullApplication("ttd", "raced");
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Callable<Application>> attempts = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      Application mine = withCreated(redeployed(template, NOW.plusSeconds(i), "writer-" + i), NOW.plusSeconds(i),
          "writer-" + i);
      attempts.add(() -> {
        start.await();
        return store.upsert(mine);
      });
    }

    List<Application> answers = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(writers)) {
      for (Future<Application> answer : pool.invokeAll(attempts)) {
        answers.add(answer.get());
      }
    }

    assertThat(documentCount()).isEqualTo(1);
    Application stored = store.find(appId(template)).orElseThrow();
    int winner = Integer.parseInt(stored.createdBy().substring("writer-".length()));
    assertThat(winner).isBetween(0, writers - 1);
    assertThat(stored.created()).isEqualTo(NOW.plusSeconds(winner));
    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.created()).isEqualTo(stored.created());
      assertThat(answer.createdBy()).isEqualTo(stored.createdBy());
    });

    Application late = store.upsert(
        withCreated(redeployed(template, NOW.plusSeconds(600), "late"), NOW.plusSeconds(600), "late"));

    assertThat(late.created()).isEqualTo(stored.created());
    assertThat(late.createdBy()).isEqualTo(stored.createdBy());
    assertThat(late.lastChangedBy()).isEqualTo("late");
    assertThat(store.find(appId(template))).contains(late);
  }

  @Test
  void aReplaceOfAnExistingApplicationReplacesItButKeepsItsCreationStamp() {
    Application first = fullApplication("ttd", "replaced");
    store.upsert(first);
    Application second = redeployed(first, NOW.plusSeconds(60), "replacer");

    Application written = store.replace(second).orElseThrow();

    Application expected = withCreated(second, first.created(), first.createdBy());
    assertThat(written).isEqualTo(expected);
    assertThat(store.find(appId(first))).contains(expected);
  }

  @Test
  void aReplaceRemovesFieldsTheNewApplicationLacks() {
    Application first = fullApplication("ttd", "replaced-slim");
    store.upsert(first);
    Application slim = new Application(first.id(), null, first.org(), first.app(), NOW.plusSeconds(60), "slimmer",
        NOW.plusSeconds(60), "slimmer", null, null, null, null, null, List.of(), null, false, null, null, null, null);

    Application written = store.replace(slim).orElseThrow();

    Application expected = withCreated(slim, first.created(), first.createdBy());
    assertThat(written).isEqualTo(expected);
    assertThat(store.find(appId(first))).contains(expected);
  }

  @Test
  void aReplaceOfAMissingApplicationIsEmptyAndCreatesNothing() {
    Application missing = fullApplication("ttd", "missing");

    assertThat(store.replace(missing)).isEmpty();

    assertThat(store.find(appId(missing))).isEmpty();
    assertThat(documentCount()).isZero();
  }

  @Test
  void expiringSetsValidToAndTheLastChangeAndKeepsEverythingElse() {
    Application application = fullApplication("ttd", "expiring");
    store.upsert(application);
    Instant at = NOW.plusSeconds(30).plusNanos(456_789);
    Instant atMillis = at.truncatedTo(ChronoUnit.MILLIS);

    Application expired = store.expire(appId(application), at, "expirer").orElseThrow();

    assertThat(expired.validTo()).isEqualTo(atMillis);
    assertThat(expired.lastChanged()).isEqualTo(atMillis);
    assertThat(expired.lastChangedBy()).isEqualTo("expirer");
    assertThat(expired).usingRecursiveComparison().ignoringFields("validTo", "lastChanged", "lastChangedBy")
        .isEqualTo(application);
    assertThat(store.find(appId(application))).contains(expired);
  }

  @Test
  void expiringAMissingApplicationIsEmptyAndCreatesNothing() {
    AppId missing = new AppId("ttd", "missing");

    assertThat(store.expire(missing, NOW, "expirer")).isEmpty();

    assertThat(store.find(missing)).isEmpty();
    assertThat(documentCount()).isZero();
  }

  @Test
  void removingAnApplicationAnswersItAsItWasAndThenItIsGone() {
    Application removed = fullApplication("ttd", "removed");
    Application kept = fullApplication("ttd", "kept");
    store.upsert(removed);
    store.upsert(kept);

    assertThat(store.remove(appId(removed))).contains(removed);

    assertThat(store.find(appId(removed))).isEmpty();
    assertThat(store.findAll("ttd")).containsExactly(kept);
    assertThat(store.remove(appId(removed))).isEmpty();
  }

  @Test
  void removingAMissingApplicationIsEmpty() {
    assertThat(store.remove(new AppId("ttd", "never-there"))).isEmpty();
  }

  private long documentCount() {
    return mongo.count(new Query(), ApplicationDocument.class);
  }

  private static AppId appId(Application application) {
    return new AppId(application.org(), application.app());
  }

  /** An application with every field set, including language keys MongoDB would not accept as field names. */
  private static Application fullApplication(String org, String app) {
    Map<String, String> title = new LinkedHashMap<>();
    title.put("nb", "Testapp");
    title.put("en", "Test app");
    title.put("dotted.key", "Punktum");
    title.put("$dollar", "Dollar");
    Map<String, String> description = new LinkedHashMap<>();
    description.put("nb", "Skjema");
    description.put("en.gb", "Form");
    DataType form = new DataType("default", description, List.of("application/xml", "application/json"),
        List.of("app:owned", "org:ttd"), "Task_1", new ApplicationLogic(true, "App.Models.Skjema", "skjema.xsd"), 25,
        1, 1);
    DataType sparse = new DataType("ref-data-as-pdf", null, List.of("application/pdf"), null, null, null, null, 0,
        0);
    return new Application(org + "/" + app, "v1.2.3", org, app, NOW, "creator", NOW.plusMillis(1), "changer", title,
        "standard", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS), 1_000_000_000L,
        List.of(form, sparse), new PartyTypesAllowed(true, false, true, false), true,
        List.of(new DataField("name", "Skjema.Navn", "default")),
        List.of(new DataField("amount", "Skjema.Belop", "default"), new DataField("date", "Skjema.Dato", null)),
        new CopyInstanceSettings(true, List.of("attachment"), List.of("Skjema.Personnummer")), 30);
  }

  /** The application as a later deploy sends it: every field changed, with new stamps. */
  private static Application redeployed(Application a, Instant at, String by) {
    DataType type = new DataType("new-type", Map.of("nn", "Nytt"), List.of("text/plain"), List.of("app:owned"),
        "Task_2", new ApplicationLogic(false, "App.Models.Ny", null), 5, 3, 0);
    return new Application(a.id(), "v2.0.0", a.org(), a.app(), at, by, at, by, Map.of("nn", "Ny tittel"),
        "other-process", at, at.plus(30, ChronoUnit.DAYS), 42L, List.of(type),
        new PartyTypesAllowed(false, true, false, true), false, List.of(new DataField("x", "Ny.X", "new-type")),
        List.of(), new CopyInstanceSettings(false, List.of(), List.of()), 7);
  }

  private static Application withCreated(Application a, Instant created, String createdBy) {
    return new Application(a.id(), a.versionId(), a.org(), a.app(), created, createdBy, a.lastChanged(),
        a.lastChangedBy(), a.title(), a.processId(), a.validFrom(), a.validTo(), a.maxSize(), a.dataTypes(),
        a.partyTypesAllowed(), a.autoDeleteOnProcessEnd(), a.presentationFields(), a.dataFields(),
        a.copyInstanceSettings(), a.preventInstanceDeletionForDays());
  }

  private static Application withDataTypes(Application a, List<DataType> dataTypes) {
    return new Application(a.id(), a.versionId(), a.org(), a.app(), a.created(), a.createdBy(), a.lastChanged(),
        a.lastChangedBy(), a.title(), a.processId(), a.validFrom(), a.validTo(), a.maxSize(), dataTypes,
        a.partyTypesAllowed(), a.autoDeleteOnProcessEnd(), a.presentationFields(), a.dataFields(),
        a.copyInstanceSettings(), a.preventInstanceDeletionForDays());
  }
}
