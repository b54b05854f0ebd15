package no.instanceplatform.storage.instances;

import java.time.Instant;
import java.util.Set;

/**
 * Which instances to find, already authorized: every non-null condition must hold. Results are ordered by
 * {@code lastChanged}, then id, in one direction.
 *
 * @param appIds apps, any of them (empty: any app)
 * @param partyIds owners, any of them (empty: any owner)
 * @param currentTasks the element id of the current task, any of them (empty: any)
 * @param isComplete true: the process has ended; false: it has a current task
 * @param visibleBy only instances whose {@code visibleAfter} is at or before this (end users' view)
 */
public record InstanceQuery(
    String org,
    Set<String> appIds,
    Set<String> partyIds,
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
    Instant visibleBy,
    boolean ascending) {

  public InstanceQuery {
    appIds = appIds == null ? Set.of() : Set.copyOf(appIds);
    partyIds = partyIds == null ? Set.of() : Set.copyOf(partyIds);
    currentTasks = currentTasks == null ? Set.of() : Set.copyOf(currentTasks);
  }
}
