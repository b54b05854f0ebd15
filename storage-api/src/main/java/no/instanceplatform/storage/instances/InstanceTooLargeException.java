package no.instanceplatform.storage.instances;

import no.instanceplatform.storage.common.StorageException;

/** A write would make an instance larger than {@link InstanceLimits#maxSize}; nothing of it was stored. */
public class InstanceTooLargeException extends StorageException {

  public InstanceTooLargeException(String instanceId, long size, long maxSize) {
    super(Kind.TOO_LARGE, "Instance " + instanceId + " would take " + size + " bytes in the store, more than the "
        + maxSize + " an instance may (its data values, presentation texts and data elements all count).");
  }
}
