package no.instanceplatform.storage.events.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.instances.Keyset;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What every backend of the instance event store must do; run once per backend. */
abstract class InstanceEventStoreContract {

  private static final Instant T0 = Instant.parse("2024-05-03T12:00:00Z");
  private static final String INSTANCE = "501337/" + UUID.randomUUID();
  private static final String APP = "ttd/test-app";

  private MongoTemplate mongo;
  private MongoInstanceEventStore store;

  abstract MongoTemplate mongo();

  @BeforeEach
  void newStore() {
    mongo = mongo();
    store = new MongoInstanceEventStore(mongo);
  }

  @Test
  void savingAnEventAgainKeepsOneCopy() {
    InstanceEvent created = event(INSTANCE, "Created", 0);

    store.saveAll(APP, List.of(created));
    store.saveAll(APP, List.of(created));

    assertThat(store.find(INSTANCE, EventFilter.all())).containsExactly(created);
    assertThat(store.findById(created.id())).contains(created);
  }

  @Test
  void aBatchPartlyStoredBeforeIsStoredOnceEach() {
    InstanceEvent created = event(INSTANCE, "Created", 0);
    InstanceEvent saved = event(INSTANCE, "Saved", 10);
    InstanceEvent deleted = event(INSTANCE, "Deleted", 20);
    store.saveAll(APP, List.of(saved));

    store.saveAll(APP, List.of(created, saved, deleted));
    store.saveAll(APP, List.of());

    assertThat(store.find(INSTANCE, EventFilter.all())).containsExactly(created, saved, deleted);
    assertThat(store.countByApp(APP, EventFilter.all())).isEqualTo(3);
  }

  /** The bulk write stores the very document the template's {@code save} of the event's document would. */
  @Test
  void storesTheDocumentTheTemplatesSaveWould() {
    InstanceEvent viaStore = event(INSTANCE, "Created", 0);
    InstanceEvent viaSave = new InstanceEvent(UUID.randomUUID().toString(), viaStore.instanceId(), viaStore.dataId(),
        viaStore.eventType(), viaStore.created(), viaStore.instanceOwnerPartyId(), viaStore.user(),
        viaStore.processInfo());
    store.saveAll(APP, List.of(viaStore));
    mongo.save(InstanceEventDocument.of(APP, viaSave));

    var collection = mongo.getCollection(mongo.getCollectionName(InstanceEventDocument.class));
    Document stored = collection.find(new Document("_id", viaStore.id())).first();
    Document saved = collection.find(new Document("_id", viaSave.id())).first();
    stored.remove("_id");
    saved.remove("_id");
    assertThat(stored).isEqualTo(saved);
  }

  @Test
  void eventsAreReadOldestFirstAndFilteredByTypeAndTime() {
    InstanceEvent created = event(INSTANCE, "Created", 0);
    InstanceEvent saved = event(INSTANCE, "Saved", 10);
    InstanceEvent deleted = event(INSTANCE, "Deleted", 20);
    InstanceEvent otherInstance = event("501337/" + UUID.randomUUID(), "Saved", 5);
    store.saveAll(APP, List.of(deleted, otherInstance, saved, created));

    assertThat(store.find(INSTANCE, EventFilter.all())).containsExactly(created, saved, deleted);
    assertThat(store.find(INSTANCE, new EventFilter(Set.of("Saved", "Deleted"), null, null)))
        .containsExactly(saved, deleted);
    assertThat(store.find(INSTANCE, new EventFilter(Set.of(), T0.plusSeconds(10), T0.plusSeconds(20))))
        .containsExactly(saved, deleted);
    assertThat(store.find(INSTANCE, new EventFilter(Set.of(), null, T0.plusSeconds(10))))
        .containsExactly(created, saved);
    assertThat(store.find(INSTANCE, new EventFilter(Set.of("Created"), T0.plusSeconds(1), null))).isEmpty();
  }

  @Test
  void deletingAllRemovesOnlyThatInstancesEvents() {
    InstanceEvent mine = event(INSTANCE, "Created", 0);
    InstanceEvent other = event("501337/" + UUID.randomUUID(), "Created", 0);
    store.saveAll(APP, List.of(mine, other));

    store.deleteAll(INSTANCE);

    assertThat(store.find(INSTANCE, EventFilter.all())).isEmpty();
    assertThat(store.findById(mine.id())).isEmpty();
    assertThat(store.findById(other.id())).contains(other);
  }

  @Test
  void anAppsEventsAreReadInPagesOldestFirstAfterAPosition() {
    InstanceEvent first = event(INSTANCE, "Created", 0);
    InstanceEvent second = event("501337/" + UUID.randomUUID(), "Created", 10);
    InstanceEvent third = event(INSTANCE, "Saved", 10);
    InstanceEvent otherApp = event("501337/" + UUID.randomUUID(), "Created", 5);
    store.saveAll(APP, List.of(third, first, second));
    store.saveAll("ttd/other-app", List.of(otherApp));
    List<InstanceEvent> sameTime = List.of(second, third).stream()
        .sorted(java.util.Comparator.comparing(InstanceEvent::id)).toList();

    assertThat(store.findByApp(APP, EventFilter.all(), null, 10))
        .containsExactly(first, sameTime.get(0), sameTime.get(1));
    assertThat(store.findByApp(APP, EventFilter.all(), null, 2)).containsExactly(first, sameTime.get(0));
    assertThat(store.findByApp(APP, EventFilter.all(),
        new Keyset(sameTime.get(0).created(), sameTime.get(0).id()), 10)).containsExactly(sameTime.get(1));
    assertThat(store.findByApp(APP, new EventFilter(Set.of("Saved"), null, null), null, 10)).containsExactly(third);
    assertThat(store.countByApp(APP, EventFilter.all())).isEqualTo(3);
    assertThat(store.countByApp(APP, new EventFilter(Set.of(), T0.plusSeconds(1), null))).isEqualTo(2);
  }

  private static InstanceEvent event(String instanceId, String type, int secondsAfterT0) {
    return new InstanceEvent(UUID.randomUUID().toString(), instanceId, null, type,
        T0.plusSeconds(secondsAfterT0).truncatedTo(ChronoUnit.MILLIS), "501337",
        new PlatformUser(1337, null, 2, null, null), null);
  }
}
