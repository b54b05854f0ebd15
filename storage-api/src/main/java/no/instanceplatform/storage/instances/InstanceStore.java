package no.instanceplatform.storage.instances;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;

/**
 * Port to the instance metadata. Every write stores the instance together with the events that record it
 * (in the instance's outbox, see {@link EventOutbox}), in one atomic single-document write.
 */
public interface InstanceStore {

  /**
   * Stores a new instance (without self links) and its events, as version 1.
   *
   * @throws InstanceExistsException when an instance with its guid is stored already
   */
  StoredInstance insert(Instance instance, List<InstanceEvent> events);

  Optional<StoredInstance> find(String instanceGuid);

  /**
   * Replaces the instance if it is still at {@code expectedVersion}, and appends its events to the outbox.
   *
   * @return the stored instance at its new version, or empty when someone else changed it first
   */
  Optional<StoredInstance> replace(long expectedVersion, Instance instance, List<InstanceEvent> events);

  /**
   * Up to {@code limit} instances matching the query, in its order, after {@code after} (null: from the start);
   * fewer when they would take more than {@link InstanceLimits#maxPageSize} in the store, but at least one.
   */
  InstancePage find(InstanceQuery query, Keyset after, int limit);

  /**
   * Hands the instances matching the query to {@code each}, in its order, one at a time, until {@code each} answers
   * false or they end: for a reader that keeps less of each instance than the instance (the message box's views),
   * so that the request holds one instance at a time rather than a page, and the store reads the result once.
   */
  void scan(InstanceQuery query, Predicate<Instance> each);

  /** How many instances match the query. */
  long count(InstanceQuery query);

  /** Removes the instance document for good (physical deletion); false when there was none. */
  boolean remove(String instanceGuid);
}
