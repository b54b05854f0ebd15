package no.instanceplatform.storage.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ReadStatus;
import org.junit.jupiter.api.Test;

class CleanupEligibilityTests {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final CleanupEligibility ALTINN_DEFAULTS =
      new CleanupEligibility(new CleanupProperties(true, Duration.ofMinutes(10), Duration.ofDays(7), null,
          Duration.ofHours(6), Duration.ofHours(1)));

  @Test
  void aHardDeletedDraftIsRemovedAtOnce() {
    assertThat(ALTINN_DEFAULTS.eligible(instance(false, true, true, NOW, List.of()), NOW)).isTrue();
  }

  @Test
  void anInstanceThatIsNotHardDeletedIsKept() {
    assertThat(ALTINN_DEFAULTS.eligible(instance(false, false, false, null, List.of()), NOW)).isFalse();
    assertThat(ALTINN_DEFAULTS.eligible(instance(false, true, false, NOW.minus(Duration.ofDays(400)), List.of()),
        NOW)).isFalse();
  }

  @Test
  void anArchivedInstanceWaitsForTheAppOwnersConfirmationAndItsRetention() {
    assertThat(ALTINN_DEFAULTS.eligible(instance(true, true, true, NOW, List.of()), NOW)).isFalse();
    assertThat(ALTINN_DEFAULTS.eligible(instance(true, true, true, NOW, confirmedBy("ttd", Duration.ofDays(6))),
        NOW)).isFalse();
    assertThat(ALTINN_DEFAULTS.eligible(instance(true, true, true, NOW, confirmedBy("ttd", Duration.ofDays(7))),
        NOW)).isTrue();
    assertThat(ALTINN_DEFAULTS.eligible(instance(true, true, true, NOW, confirmedBy("other", Duration.ofDays(30))),
        NOW)).isFalse();
  }

  @Test
  void softDeletedInstancesAreRemovedOnlyWithARetentionAndAfterIt() {
    CleanupEligibility withRetention = new CleanupEligibility(
        new CleanupProperties(true, Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofHours(6), Duration.ofHours(1)));
    Instance deletedLongAgo = instance(false, true, false, NOW.minus(Duration.ofDays(31)), List.of());
    Instance deletedRecently = instance(false, true, false, NOW.minus(Duration.ofDays(29)), List.of());
    Instance archivedDeletedLongAgo = instance(true, true, false, NOW.minus(Duration.ofDays(31)), List.of());

    assertThat(withRetention.eligible(deletedLongAgo, NOW)).isTrue();
    assertThat(withRetention.eligible(deletedRecently, NOW)).isFalse();
    assertThat(withRetention.eligible(archivedDeletedLongAgo, NOW)).isFalse();
    assertThat(ALTINN_DEFAULTS.eligible(deletedLongAgo, NOW)).isFalse();
  }

  private static List<CompleteConfirmation> confirmedBy(String org, Duration ago) {
    return List.of(new CompleteConfirmation(org, NOW.minus(ago)));
  }

  private static Instance instance(boolean archived, boolean softDeleted, boolean hardDeleted, Instant deleted,
      List<CompleteConfirmation> confirmations) {
    InstanceStatus status = new InstanceStatus(archived, archived ? NOW.minus(Duration.ofDays(60)) : null,
        softDeleted, softDeleted ? deleted : null, hardDeleted, hardDeleted ? deleted : null, ReadStatus.Read, null);
    return new Instance("501337/" + UUID.randomUUID(), InstanceOwner.ofParty("501337"), "ttd/app", "ttd", null, null,
        null, null, status, confirmations, List.of(), null, null, NOW, "1", NOW, "1");
  }
}
