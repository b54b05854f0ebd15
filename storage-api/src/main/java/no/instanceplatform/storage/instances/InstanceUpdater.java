package no.instanceplatform.storage.instances;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a change to one instance with optimistic concurrency: read, compute the new state, and write it only if
 * nobody wrote in between; otherwise compute again from the newer state. A change and its events are written in
 * one atomic update, so neither is ever stored without the other.
 */
@Component
public class InstanceUpdater {

  private static final int ATTEMPTS = 10;

  private final InstanceStore store;
  private final AccessPolicy policy;
  private final ApplicationEventPublisher publisher;

  InstanceUpdater(InstanceStore store, AccessPolicy policy, ApplicationEventPublisher publisher) {
    this.store = store;
    this.policy = policy;
    this.publisher = publisher;
  }

  /** The instance, if the caller may do {@code action} with it (see {@link AccessPolicy}). */
  public Instance read(Caller caller, InstanceAction action, String partyId, String instanceGuid) {
    return readStored(caller, action, partyId, instanceGuid).instance();
  }

  /** As {@link #read}, with the version the instance is stored at. */
  public StoredInstance readStored(Caller caller, InstanceAction action, String partyId, String instanceGuid) {
    StoredInstance stored = load(partyId, instanceGuid);
    policy.require(caller, action, stored.instance());
    return stored;
  }

  /** The stored instance, or not found when it does not exist or is owned by another party. */
  private StoredInstance load(String partyId, String instanceGuid) {
    return store.find(instanceGuid)
        .filter(stored -> stored.instance().instanceOwner().partyId().equals(partyId))
        .orElseThrow(() -> StorageException.notFound("Instance " + partyId + "/" + instanceGuid + " was not found."));
  }

  /**
   * Applies {@code change} (which may refuse by throwing), if the caller may do {@code action} with the instance,
   * and answers the instance as written.
   */
  public StoredInstance update(Caller caller, InstanceAction action, String partyId, String instanceGuid,
      Function<Instance, InstanceChange> change) {
    return update(caller, action, IfMatch.NONE, partyId, instanceGuid, change);
  }

  /** As {@link #update(Caller, InstanceAction, String, String, Function)}, if the {@code If-Match} precondition holds. */
  public StoredInstance update(Caller caller, InstanceAction action, IfMatch ifMatch, String partyId,
      String instanceGuid, Function<Instance, InstanceChange> change) {
    return update(caller, action, ifMatch, partyId, instanceGuid, Optional.empty(), change);
  }

  /**
   * As {@link #update(Caller, InstanceAction, IfMatch, String, String, Function)}, starting from {@code seen}, which
   * this request read with {@link #readStored} before work of its own (a file's upload): the first attempt computes
   * from it instead of reading the instance again. If the instance changed since, the write, conditional on the
   * version seen, fails, and the next attempt reads the instance as after any other conflict.
   */
  public StoredInstance update(Caller caller, InstanceAction action, IfMatch ifMatch, StoredInstance seen,
      Function<Instance, InstanceChange> change) {
    Instance instance = seen.instance();
    return update(caller, action, ifMatch, instance.instanceOwner().partyId(), instance.instanceGuid(),
        Optional.of(seen), change);
  }

  private StoredInstance update(Caller caller, InstanceAction action, IfMatch ifMatch, String partyId,
      String instanceGuid, Optional<StoredInstance> seen, Function<Instance, InstanceChange> change) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      StoredInstance current = attempt == 0 && seen.isPresent() ? seen.get() : load(partyId, instanceGuid);
      policy.require(caller, action, current.instance());
      ifMatch.check(current);
      InstanceChange next = change.apply(current.instance());
      if (next.isNone()) {
        return current;
      }
      Optional<StoredInstance> written = store.replace(current.version(), next.instance(), next.events());
      if (written.isPresent()) {
        announce(instanceGuid, next);
        return written.get();
      }
    }
    throw StorageException.conflict("Instance " + partyId + "/" + instanceGuid
        + " is being changed by others at the same time. Try again.");
  }

  /** Stores a new instance with its events. */
  public StoredInstance insert(Instance instance, List<InstanceEvent> events) {
    StoredInstance stored = store.insert(instance, events);
    announce(instance.instanceGuid(), new InstanceChange(instance, events));
    return stored;
  }

  private void announce(String instanceGuid, InstanceChange change) {
    if (!change.events().isEmpty()) {
      publisher.publishEvent(new InstanceChanged(instanceGuid,
          new PendingEvents(change.instance().appId(), change.events())));
    }
  }
}
