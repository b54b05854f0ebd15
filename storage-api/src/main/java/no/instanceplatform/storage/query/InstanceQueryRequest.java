package no.instanceplatform.storage.query;

import java.util.Set;
import no.instanceplatform.storage.instances.DateRange;

/**
 * A query as the caller asked it, parsed and validated but not yet authorized.
 *
 * @param partyId {@code instanceOwner.partyId}
 * @param ownerIdentifier the {@code X-Ai-InstanceOwnerIdentifier} header, parsed
 * @param fingerprint what a continuation token is bound to: every condition, not the page size
 */
record InstanceQueryRequest(
    String org,
    String appId,
    String partyId,
    OwnerIdentifier ownerIdentifier,
    Set<String> currentTasks,
    Boolean isComplete,
    DateRange ended,
    DateRange lastChanged,
    DateRange created,
    DateRange visibleAfter,
    DateRange dueBefore,
    String excludeConfirmedBy,
    Boolean isArchived,
    Boolean isSoftDeleted,
    Boolean isHardDeleted,
    boolean ascending,
    int size,
    String continuationToken,
    String fingerprint) {

  /** An instance owner named by national identity: {@code Person:{11 digits}} or {@code Organisation:{9 digits}}. */
  record OwnerIdentifier(boolean person, String number) {}
}
