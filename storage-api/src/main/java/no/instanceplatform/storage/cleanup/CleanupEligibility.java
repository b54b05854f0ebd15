package no.instanceplatform.storage.cleanup;

import java.time.Instant;
import java.util.List;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;

/**
 * Which deleted instances may be removed for good, as Altinn decides: a draft (never archived) at once; an
 * archived instance only once the app owner confirmed it complete, and that long enough ago.
 */
final class CleanupEligibility {

  private final CleanupProperties properties;

  CleanupEligibility(CleanupProperties properties) {
    this.properties = properties;
  }

  boolean eligible(Instance instance, Instant now) {
    InstanceStatus status = instance.status();
    if (status == null || !deletedLongEnough(status, now)) {
      return false;
    }
    if (!status.isArchived()) {
      return true;
    }
    List<CompleteConfirmation> confirmations =
        instance.completeConfirmations() == null ? List.of() : instance.completeConfirmations();
    Instant cutoff = now.minus(properties.confirmedRetention());
    return confirmations.stream().anyMatch(confirmation -> instance.org().equals(confirmation.stakeholderId())
        && confirmation.confirmedOn() != null && !confirmation.confirmedOn().isAfter(cutoff));
  }

  private boolean deletedLongEnough(InstanceStatus status, Instant now) {
    if (status.isHardDeleted()) {
      return true;
    }
    return status.isSoftDeleted() && properties.softDeletedRetention() != null && status.softDeleted() != null
        && !status.softDeleted().isAfter(now.minus(properties.softDeletedRetention()));
  }
}
