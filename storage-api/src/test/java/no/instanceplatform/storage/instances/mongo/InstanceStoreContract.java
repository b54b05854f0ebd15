package no.instanceplatform.storage.instances.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.model.ValidationStatus;
import no.instanceplatform.storage.instances.InstanceExistsException;
import no.instanceplatform.storage.instances.InstanceLimits;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.storage.instances.InstancePage;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceTooLargeException;
import no.instanceplatform.storage.instances.Keyset;
import no.instanceplatform.storage.instances.StoredInstance;
import no.instanceplatform.storage.support.DataValues;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/** What every backend of the instance store and its outbox must do; run once per backend. */
abstract class InstanceStoreContract {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final InstanceLimits LIMITS =
      new InstanceLimits(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64), null, Duration.ZERO);
  private static final InstanceMemory NO_MEMORY = memory(storedBytes -> {});
  private static final Document OUTBOX_ASIDE = new Document(InstanceDocument.PENDING_EVENTS, 0);
  private static final InstanceQuery ALL_OF_TTD = new InstanceQuery("ttd", null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, false);

  private MongoTemplate mongo;
  private MongoInstanceStore store;

  /** A fresh, empty database of the backend under test. */
  abstract MongoTemplate mongo();

  @BeforeEach
  void newStore() {
    mongo = mongo();
    store = new MongoInstanceStore(mongo, LIMITS, NO_MEMORY);
  }

  @Test
  void anInsertedInstanceIsFoundWithEveryFieldAtVersionOne() {
    Instance instance = fullInstance();

    store.insert(instance, List.of(event(instance, "Created")));

    StoredInstance found = store.find(instance.instanceGuid()).orElseThrow();
    assertThat(found.version()).isEqualTo(1);
    assertThat(found.instance()).isEqualTo(instance);
  }

  @Test
  void aSecondInsertOfAGuidIsRefusedAndLeavesTheFirst() {
    Instance instance = fullInstance();
    store.insert(instance, List.of());

    assertThatThrownBy(() -> store.insert(instance, List.of()))
        .isInstanceOf(InstanceExistsException.class);
    assertThat(store.find(instance.instanceGuid())).get().extracting(StoredInstance::version).isEqualTo(1L);
  }

  @Test
  void anUnknownInstanceIsNotFound() {
    assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void aReplaceAtTheCurrentVersionWritesAndBumpsTheVersion() {
    Instance instance = fullInstance();
    store.insert(instance, List.of());
    Instance changed = instance.withStatus(instance.status().withReadStatus(ReadStatus.Read))
        .changedBy(NOW.plusSeconds(1), "2");

    StoredInstance written = store.replace(1, changed, List.of()).orElseThrow();

    assertThat(written.version()).isEqualTo(2);
    assertThat(written.instance()).isEqualTo(changed);
    assertThat(store.find(instance.instanceGuid()).orElseThrow()).isEqualTo(written);
  }

  @Test
  void aReplaceAtAStaleVersionChangesNothing() {
    Instance instance = fullInstance();
    store.insert(instance, List.of());
    store.replace(1, instance.changedBy(NOW.plusSeconds(1), "2"), List.of()).orElseThrow();

    assertThat(store.replace(1, instance.changedBy(NOW.plusSeconds(2), "3"), List.of(event(instance, "Saved"))))
        .isEmpty();

    StoredInstance current = store.find(instance.instanceGuid()).orElseThrow();
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.instance().lastChangedBy()).isEqualTo("2");
    assertThat(store.pending(instance.instanceGuid()).events()).isEmpty();
  }

  @Test
  void aReplaceClearsFieldsThatBecameNull() {
    Instance instance = fullInstance();
    store.insert(instance, List.of());
    Instance cleared = new Instance(instance.id(), instance.instanceOwner(), instance.appId(), instance.org(), null,
        null, instance.visibleAfter(), null, instance.status(), instance.completeConfirmations(), instance.data(),
        null, null, instance.created(), instance.createdBy(), instance.lastChanged(), instance.lastChangedBy());

    Instance read = store.replace(1, cleared, List.of()).orElseThrow().instance();

    assertThat(read.dueBefore()).isNull();
    assertThat(read.process()).isNull();
    assertThat(read.presentationTexts()).isNull();
    assertThat(read).isEqualTo(cleared);
  }

  /**
   * A replace stores the document the converter writes for the same state: the same fields, types and nesting as an
   * insert stores, with the version bumped and the events appended to the outbox. Whatever writes the update (the
   * template's update mapping, or a hand-written one) must keep it so.
   */
  @Test
  void aReplacedInstanceIsStoredAsTheConverterWritesIt() {
    Instance instance = fullInstance();
    InstanceEvent created = event(instance, "Created");
    store.insert(instance, List.of(created));
    Instance changed = new Instance(instance.id(), instance.instanceOwner(), instance.appId(), instance.org(), null,
        null, instance.visibleAfter(), instance.process(), instance.status().withReadStatus(ReadStatus.Read),
        List.of(), instance.data(), Map.of("only", "one"), null, instance.created(), instance.createdBy(),
        NOW.plusSeconds(1), "2");
    InstanceEvent saved = event(instance, "Saved");

    store.replace(1, changed, List.of(saved)).orElseThrow();

    Document expected = new Document();
    mongo.getConverter().write(InstanceMapping.toDocument(changed, 2, List.of(created, saved)), expected);
    Document stored = mongo.getCollection(mongo.getCollectionName(InstanceDocument.class))
        .find(new Document("_id", instance.instanceGuid())).first();
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void anInsertPastTheMaxSizeIsRefusedAndStoresNothing() {
    Instance instance = fullInstance().withDataValues(DataValues.of("key", 1_400));

    assertThatThrownBy(() -> store.insert(instance, List.of(event(instance, "Created"))))
        .isInstanceOf(InstanceTooLargeException.class);
    assertThat(store.find(instance.instanceGuid())).isEmpty();
  }

  @Test
  void aReplacePastTheMaxSizeIsRefusedAndLeavesTheInstanceAndItsOutboxAsTheyWere() {
    Instance instance = fullInstance().withDataValues(DataValues.of("key", 500));
    InstanceEvent created = event(instance, "Created");
    store.insert(instance, List.of(created));
    Instance grown = instance.withDataValues(DataValues.of("key", 1_400)).changedBy(NOW.plusSeconds(1), "2");

    assertThatThrownBy(() -> store.replace(1, grown, List.of(event(instance, "Saved"))))
        .isInstanceOf(InstanceTooLargeException.class)
        .hasMessageContaining("more than the 65536 an instance may");

    assertThat(store.find(instance.instanceGuid()).orElseThrow()).isEqualTo(new StoredInstance(instance, 1));
    assertThat(store.pending(instance.instanceGuid()).events()).containsExactly(created);
    assertThat(store.replace(1, instance.withDataValues(DataValues.of("key", 1_000)), List.of())).isPresent();
  }

  @Test
  void aMaxSizeBeyondWhatMongoDbHoldsIsRefusedAtTheStart() {
    assertThatThrownBy(() -> new MongoInstanceStore(mongo,
        new InstanceLimits(DataSize.ofMegabytes(16), DataSize.ofMegabytes(2), null, Duration.ZERO), NO_MEMORY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storage.instances.max-size");
  }

  @Test
  void aPageHoldsUpToItsLimitAndSaysWhetherMoreFollow() {
    List<String> guids = insertInOrder(3, 0);

    InstancePage first = store.find(ALL_OF_TTD, null, 2);
    assertThat(guids(first)).containsExactlyElementsOf(guids.subList(0, 2));
    assertThat(first.more()).isTrue();
    InstancePage rest = store.find(ALL_OF_TTD, keysetOf(first), 2);
    assertThat(guids(rest)).containsExactly(guids.get(2));
    assertThat(rest.more()).isFalse();
    assertThat(store.find(ALL_OF_TTD, null, 3).more()).isFalse();
  }

  /** Each instance here takes about 29 KB in the store; a page may take 64 KB. */
  @Test
  void aPageEndsBeforeTheInstanceThatWouldTakeItPastItsSize() {
    List<String> guids = insertInOrder(5, 500);

    List<String> read = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    Keyset after = null;
    InstancePage page;
    do {
      page = store.find(ALL_OF_TTD, after, 100);
      read.addAll(guids(page));
      pageSizes.add(page.instances().size());
      after = keysetOf(page);
    } while (page.more());

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(read).containsExactlyElementsOf(guids);
  }

  @Test
  void aPageHoldsOneInstanceLargerThanItsSize() {
    MongoInstanceStore smallPages = new MongoInstanceStore(mongo,
        new InstanceLimits(DataSize.ofKilobytes(64), DataSize.ofKilobytes(1), null, Duration.ZERO), NO_MEMORY);
    List<String> guids = insertInOrder(2, 100);

    InstancePage first = smallPages.find(ALL_OF_TTD, null, 100);

    assertThat(guids(first)).containsExactly(guids.getFirst());
    assertThat(first.more()).isTrue();
  }

  /** A scan reads in queries of 1,000 along the keyset, each in batches of 64 here (4 MiB of instances of 64 KB). */
  @Test
  void aScanHandsOnTheInstancesInOrderUntilToldToStop() {
    List<String> guids = insertInOrder(1_003, 0);

    List<String> all = new ArrayList<>();
    store.scan(ALL_OF_TTD, instance -> all.add(instance.instanceGuid()));
    List<String> some = new ArrayList<>();
    store.scan(ALL_OF_TTD, instance -> some.add(instance.instanceGuid()) && some.size() < 1_001);
    List<String> first = new ArrayList<>();
    store.scan(ALL_OF_TTD, instance -> first.add(instance.instanceGuid()) && first.size() < 1_000);

    assertThat(all).containsExactlyElementsOf(guids);
    assertThat(some).containsExactlyElementsOf(guids.subList(0, 1_001));
    assertThat(first).containsExactlyElementsOf(guids.subList(0, 1_000));
  }

  @Test
  void aQueryOfSeveralAppsFindsTheInstancesOfEachOfThem() {
    Instance first = ofApp(fullInstance().changedBy(NOW, "1"), "ttd/first");
    Instance second = ofApp(fullInstance().changedBy(NOW.minusSeconds(1), "1"), "ttd/second");
    Instance other = ofApp(fullInstance().changedBy(NOW.minusSeconds(2), "1"), "ttd/other");
    List.of(first, second, other).forEach(instance -> store.insert(instance, List.of()));
    InstanceQuery twoApps = new InstanceQuery("ttd", Set.of("ttd/first", "ttd/second"), null, null, null, null, null,
        null, null, null, null, null, null, null, null, false);

    List<String> scanned = new ArrayList<>();
    store.scan(twoApps, instance -> scanned.add(instance.instanceGuid()));

    assertThat(guids(store.find(twoApps, null, 10))).containsExactly(first.instanceGuid(), second.instanceGuid());
    assertThat(scanned).containsExactly(first.instanceGuid(), second.instanceGuid());
    assertThat(store.count(twoApps)).isEqualTo(2);
  }

  @Test
  void theStoreHoldsMemoryForWhatItReadsAndWritesAtItsStoredSizeFirst() {
    List<Long> held = new ArrayList<>();
    MongoInstanceStore measured = new MongoInstanceStore(mongo, LIMITS, memory(held::add));
    Instance first = fullInstance().withDataValues(DataValues.of("key", 100)).changedBy(NOW, "1");
    Instance second = fullInstance().changedBy(NOW.minusSeconds(1), "1");

    measured.insert(first, List.of());
    measured.insert(second, List.of());
    assertThat(held).containsExactly(storedSize(first), storedSize(second));

    held.clear();
    measured.find(first.instanceGuid());
    assertThat(held).containsExactly(storedSize(first));

    held.clear();
    measured.find(ALL_OF_TTD, null, 10);
    long firstOnPage = storedSize(first, OUTBOX_ASIDE);
    assertThat(held).as("a page reads the instances without their outbox")
        .containsExactly(firstOnPage, firstOnPage + storedSize(second, OUTBOX_ASIDE));

    held.clear();
    measured.scan(ALL_OF_TTD, instance -> true);
    assertThat(held).as("a scan holds one instance at a time")
        .containsExactly(firstOnPage, storedSize(second, OUTBOX_ASIDE));
  }

  @Test
  void aWriteRefusedItsMemoryStoresNothing() {
    Instance instance = fullInstance();
    InstanceEvent created = event(instance, "Created");
    store.insert(instance, List.of(created));
    MongoInstanceStore busy = new MongoInstanceStore(mongo, LIMITS, memory(storedBytes -> {
      throw new IllegalStateException("busy");
    }));

    assertThatThrownBy(() -> busy.replace(1, instance.changedBy(NOW.plusSeconds(1), "2"),
        List.of(event(instance, "Saved")))).hasMessage("busy");
    assertThatThrownBy(() -> busy.insert(fullInstance(), List.of())).hasMessage("busy");

    assertThat(store.find(instance.instanceGuid()).orElseThrow()).isEqualTo(new StoredInstance(instance, 1));
    assertThat(store.pending(instance.instanceGuid()).events()).containsExactly(created);
    assertThat(mongo.getCollection(mongo.getCollectionName(InstanceDocument.class)).countDocuments()).isEqualTo(1);
  }

  @Test
  void eventsOfEachWriteWaitInTheOutboxInOrderUntilAcknowledged() {
    Instance instance = fullInstance();
    InstanceEvent created = event(instance, "Created");
    InstanceEvent saved = event(instance, "Saved");
    InstanceEvent deleted = event(instance, "Deleted");
    Instance other = fullInstance();
    store.insert(instance, List.of(created));
    store.insert(other, List.of());
    store.replace(1, instance, List.of(saved, deleted)).orElseThrow();

    assertThat(store.pending(instance.instanceGuid()).events()).containsExactly(created, saved, deleted);
    assertThat(store.pending(instance.instanceGuid()).appId()).isEqualTo("ttd/test-app");
    assertThat(store.instancesWithPending(10)).containsExactly(instance.instanceGuid());

    store.acknowledge(instance.instanceGuid(), List.of(created.id(), deleted.id()));

    assertThat(store.pending(instance.instanceGuid()).events()).containsExactly(saved);
    store.acknowledge(instance.instanceGuid(), List.of(saved.id()));
    assertThat(store.pending(instance.instanceGuid()).events()).isEmpty();
    assertThat(store.instancesWithPending(10)).isEmpty();
    assertThat(store.find(instance.instanceGuid()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void ofConcurrentReplacesAtTheSameVersionExactlyOneWins() throws Exception {
    Instance instance = fullInstance();
    store.insert(instance, List.of());
    int writers = 8;
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String by = Integer.toString(i);
      attempts.add(() -> store.replace(1, instance.changedBy(NOW, by), List.of(event(instance, "Saved"))).isPresent());
    }

    List<Boolean> outcomes = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(writers)) {
      for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
        outcomes.add(outcome.get());
      }
    }

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(store.find(instance.instanceGuid()).orElseThrow().version()).isEqualTo(2);
    assertThat(store.pending(instance.instanceGuid()).events()).hasSize(1);
  }

  private static Instance fullInstance() {
    String guid = UUID.randomUUID().toString();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("plain", "1");
    texts.put("dotted.key", "2");
    texts.put("$dollar", "3");
    DataElement form = new DataElement(UUID.randomUUID().toString(), guid, "default", "form.xml", "application/xml",
        "ttd/test-app/" + guid + "/data/x", null, 401, true, List.of(UUID.randomUUID().toString()), List.of("tag"),
        NOW, "1337", NOW, "1337");
    ProcessState process = new ProcessState(NOW, "StartEvent_1",
        new ProcessElementInfo(2, NOW, "Task_1", "Utfylling", "data", null, new ValidationStatus(NOW, true)), null,
        null);
    InstanceStatus status = new InstanceStatus(true, NOW, false, null, false, null, ReadStatus.UpdatedSinceLastReview,
        new Substatus("label", "description"));
    return new Instance("501337/" + guid, new InstanceOwner("501337", "01039012345", null, null), "ttd/test-app",
        "ttd", null, NOW.plusSeconds(3600), NOW, process, status, List.of(new CompleteConfirmation("ttd", NOW)),
        List.of(form), texts, Map.of("value", "v"), NOW, "1337", NOW, "1337");
  }

  private static Instance ofApp(Instance instance, String appId) {
    return new Instance(instance.id(), instance.instanceOwner(), appId, instance.org(), instance.selfLinks(),
        instance.dueBefore(), instance.visibleAfter(), instance.process(), instance.status(),
        instance.completeConfirmations(), instance.data(), instance.presentationTexts(), instance.dataValues(),
        instance.created(), instance.createdBy(), instance.lastChanged(), instance.lastChangedBy());
  }

  /** {@code count} instances of ttd with {@code values} data values each, their guids in the queries' order. */
  private List<String> insertInOrder(int count, int values) {
    List<String> guids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instance instance = fullInstance().withDataValues(DataValues.of("key", values))
          .changedBy(NOW.minusSeconds(i), "1337");
      store.insert(instance, List.of());
      guids.add(instance.instanceGuid());
    }
    return guids;
  }

  /** The instance's document as the store holds it, outbox and all, in bytes. */
  private long storedSize(Instance instance) {
    return storedSize(instance, new Document());
  }

  private long storedSize(Instance instance, Document projection) {
    return mongo.getCollection(mongo.getCollectionName(InstanceDocument.class)).withDocumentClass(RawBsonDocument.class)
        .find(new Document("_id", instance.instanceGuid())).projection(projection).first().getByteBuffer().remaining();
  }

  private static List<String> guids(InstancePage page) {
    return page.instances().stream().map(Instance::instanceGuid).toList();
  }

  private static Keyset keysetOf(InstancePage page) {
    return Keyset.of(page.instances().getLast());
  }

  private static InstanceEvent event(Instance instance, String type) {
    return new InstanceEvent(UUID.randomUUID().toString(), instance.id(), null, type, NOW, "501337",
        new PlatformUser(1337, null, 2, null, null), instance.process());
  }

  /** Memory that tells {@code held} what the store holds it for; the store keeps nothing beyond one call. */
  private static InstanceMemory memory(LongConsumer held) {
    return new InstanceMemory() {
      @Override
      public void holdFor(long storedBytes) {
        held.accept(storedBytes);
      }

      @Override
      public void keep(long heapBytes) {
        throw new AssertionError("the store keeps no memory");
      }
    };
  }
}
