package no.instanceplatform.storage.instances;

import java.time.Instant;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.common.TimeOrderedIds;
import no.instanceplatform.security.Caller;

/** The instance event types Storage records itself, and how it records them. */
public enum InstanceEvents {
  Created,
  Deleted,
  Undeleted,
  ConfirmedComplete,
  SubstatusUpdated,
  Saved;

  /** An event of this type for the instance as it is after the change. */
  public InstanceEvent of(Instance instance, Caller caller, Instant when, String dataId) {
    return new InstanceEvent(TimeOrderedIds.next(), instance.id(), dataId, name(), when,
        instance.instanceOwner().partyId(), caller.asPlatformUser(), instance.process());
  }

  public InstanceEvent of(Instance instance, Caller caller, Instant when) {
    return of(instance, caller, when, null);
  }
}
