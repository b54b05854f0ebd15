package no.instanceplatform.storage.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.instances.EventOutbox;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A change and its events are committed together: when the event store fails after the change was written, the
 * events wait in the instance's outbox, readers still see them, and the relay delivers each exactly once.
 */
class EventOutboxIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";

  @MockitoSpyBean
  InstanceEventStore eventStore;

  @MockitoSpyBean
  EventOutbox outbox;

  @Autowired
  EventRelay relay;

  @Autowired
  ApplicationStore applications;

  @BeforeEach
  void anApp() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
  }

  @Test
  void eventsOfAWriteAreDeliveredToTheEventStoreAndLeaveTheOutbox() {
    String id = createInstance();

    assertThat(storedEventTypes(id)).containsExactly("Created");
    assertThat(outboxSize(id)).isZero();
  }

  @Test
  void aWritesOwnEventsAreDeliveredWithoutReadingTheOutboxBack() {
    String id = createInstance();
    assertThat(as(USER_1337).delete(INSTANCES + "/" + id).status()).isEqualTo(200);

    assertThat(storedEventTypes(id)).containsExactly("Created", "Deleted");
    assertThat(outboxSize(id)).isZero();
    verify(outbox, never()).pending(anyString());
  }

  @Test
  void anEventStoredButNotAcknowledgedBeforeACrashIsLeftToTheSweepWhileLaterWritesDeliverTheirOwn() {
    doThrow(new DataAccessResourceFailureException("crashed")).when(outbox).acknowledge(anyString(), any());
    String id = createInstance();
    doCallRealMethod().when(outbox).acknowledge(anyString(), any());

    assertThat(as(USER_1337).delete(INSTANCES + "/" + id).status()).isEqualTo(200);

    assertThat(storedEventTypes(id)).containsExactly("Created", "Deleted");
    assertThat(outboxSize(id)).isEqualTo(1);
    assertThat(listedEventTypes(id)).containsExactly("Created", "Deleted");

    relay.sweep();

    assertThat(storedEventTypes(id)).containsExactly("Created", "Deleted");
    assertThat(outboxSize(id)).isZero();
    assertThat(listedEventTypes(id)).containsExactly("Created", "Deleted");
  }

  @Test
  void aFailedEventWriteKeepsTheEventInTheOutboxUntilTheSweepDeliversIt() {
    doThrow(new DataAccessResourceFailureException("event store down")).when(eventStore).saveAll(anyString(), anyCollection());

    String id = createInstance();
    StorageHttp.Response deleted = as(USER_1337).delete(INSTANCES + "/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(storedEventTypes(id)).isEmpty();
    assertThat(outboxSize(id)).isEqualTo(2);
    assertThat(listedEventTypes(id)).containsExactly("Created", "Deleted");

    relay.sweep();
    assertThat(outboxSize(id)).isEqualTo(2);

    doCallRealMethod().when(eventStore).saveAll(anyString(), anyCollection());
    relay.sweep();

    assertThat(storedEventTypes(id)).containsExactly("Created", "Deleted");
    assertThat(outboxSize(id)).isZero();
    assertThat(listedEventTypes(id)).containsExactly("Created", "Deleted");
  }

  @Test
  void anEventDeliveredButNotAcknowledgedIsStoredOnlyOnce() {
    doThrow(new DataAccessResourceFailureException("database down")).when(outbox).acknowledge(anyString(), any());

    String id = createInstance();
    assertThat(storedEventTypes(id)).containsExactly("Created");
    assertThat(outboxSize(id)).isEqualTo(1);

    doCallRealMethod().when(outbox).acknowledge(anyString(), any());
    relay.sweep();

    assertThat(storedEventTypes(id)).containsExactly("Created");
    assertThat(outboxSize(id)).isZero();
    assertThat(listedEventTypes(id)).containsExactly("Created");
  }

  @Test
  void deletingAllEventsAlsoEmptiesTheOutbox() {
    doThrow(new DataAccessResourceFailureException("event store down")).when(eventStore).saveAll(anyString(), anyCollection());
    String id = createInstance();
    doCallRealMethod().when(eventStore).saveAll(anyString(), anyCollection());

    assertThat(http.delete(INSTANCES + "/" + id + "/events").status()).isEqualTo(200);
    relay.sweep();

    assertThat(outboxSize(id)).isZero();
    assertThat(storedEventTypes(id)).isEmpty();
    assertThat(listedEventTypes(id)).isEmpty();
  }

  private String createInstance() {
    StorageHttp.Response created = as(USER_1337).post(INSTANCES + "?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private List<String> storedEventTypes(String instanceId) {
    return mongo.getCollection("instanceEvents").find(new Document("instanceId", instanceId))
        .sort(new Document("created", 1))
        .map(d -> d.getString("eventType"))
        .into(new ArrayList<>());
  }

  private int outboxSize(String instanceId) {
    String guid = instanceId.substring(instanceId.indexOf('/') + 1);
    Document instance = mongo.getCollection("instances").find(new Document("_id", guid)).first();
    List<?> pending = instance == null ? null : instance.getList("pendingEvents", Object.class);
    return pending == null ? 0 : pending.size();
  }

  private List<String> listedEventTypes(String instanceId) {
    return http.get(INSTANCES + "/" + instanceId + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString())
        .toList();
  }
}
