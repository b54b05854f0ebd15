package no.instanceplatform.storage.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedApplicationStoreTests {

  private static final AppId APP = new AppId("ttd", "test-app");
  private static final Application DEPLOYED = TestApplications.ttdApp("test-app", null);
  private static final Application REDEPLOYED = TestApplications.ttdApp("test-app", 7);

  private final ApplicationStore database = mock(ApplicationStore.class);
  private final Clock clock = mock(Clock.class);
  private Instant now = Instant.parse("2026-11-23T12:00:00Z");
  private final CachedApplicationStore store = cacheFor(Duration.ofSeconds(30));

  @BeforeEach
  void clockReadsNow() {
    when(clock.instant()).thenAnswer(read -> now);
  }

  @Test
  void aSecondReadWithinTheTtlIsAnsweredWithoutTheStore() {
    when(database.find(APP)).thenReturn(Optional.of(DEPLOYED));

    assertThat(store.find(APP)).contains(DEPLOYED);
    now = now.plusSeconds(29);
    assertThat(store.find(APP)).contains(DEPLOYED);

    verify(database, times(1)).find(APP);
  }

  @Test
  void aReadAfterTheTtlAsksTheStoreAgain() {
    when(database.find(APP)).thenReturn(Optional.of(DEPLOYED), Optional.of(REDEPLOYED));
    store.find(APP);

    now = now.plusSeconds(30);

    assertThat(store.find(APP)).contains(REDEPLOYED);
  }

  @Test
  void everyWriteThroughTheCacheIsSeenByTheNextRead() {
    when(database.find(APP)).thenReturn(Optional.of(DEPLOYED));
    List<Runnable> writes = List.of(() -> store.upsert(REDEPLOYED), () -> store.replace(REDEPLOYED),
        () -> store.expire(APP, clock.instant(), "deployer"), () -> store.remove(APP));

    store.find(APP);
    for (Runnable write : writes) {
      write.run();
      store.find(APP);
    }

    verify(database, times(1 + writes.size())).find(APP);
  }

  @Test
  void aFailedWriteForgetsTheAppToo() {
    when(database.find(APP)).thenReturn(Optional.of(DEPLOYED), Optional.of(REDEPLOYED));
    when(database.upsert(any())).thenThrow(new IllegalStateException("timed out after it was written"));
    store.find(APP);

    assertThatThrownBy(() -> store.upsert(REDEPLOYED)).isInstanceOf(IllegalStateException.class);

    assertThat(store.find(APP)).contains(REDEPLOYED);
  }

  @Test
  void anAbsentAppIsNotRemembered() {
    when(database.find(APP)).thenReturn(Optional.empty(), Optional.of(DEPLOYED));

    assertThat(store.find(APP)).isEmpty();
    assertThat(store.find(APP)).contains(DEPLOYED);
  }

  @Test
  void aReadThatRacedWithAWriteDoesNotKeepWhatItFound() {
    when(database.find(APP)).thenAnswer(read -> {
      store.upsert(REDEPLOYED);
      return Optional.of(DEPLOYED);
    }).thenReturn(Optional.of(REDEPLOYED));

    assertThat(store.find(APP)).contains(DEPLOYED);

    assertThat(store.find(APP)).contains(REDEPLOYED);
  }

  @Test
  void aZeroTtlReadsTheStoreEveryTime() {
    CachedApplicationStore uncached = cacheFor(Duration.ZERO);
    when(database.find(APP)).thenReturn(Optional.of(DEPLOYED));

    uncached.find(APP);
    uncached.find(APP);

    verify(database, times(2)).find(APP);
  }

  private CachedApplicationStore cacheFor(Duration ttl) {
    return new CachedApplicationStore(database, new ApplicationsProperties(ttl), clock);
  }
}
