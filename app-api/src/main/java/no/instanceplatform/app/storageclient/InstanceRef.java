package no.instanceplatform.app.storageclient;

import java.util.UUID;

/** An instance as the paths name it: its owner's party id and its guid; {@link #toString} is the instance id. */
public record InstanceRef(long partyId, UUID guid) {

  /** Reads an instance id {@code {partyId}/{instanceGuid}}. */
  public static InstanceRef parse(String instanceId) {
    int slash = instanceId == null ? -1 : instanceId.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("An instance id is '{partyId}/{instanceGuid}', not '" + instanceId + "'.");
    }
    try {
      return new InstanceRef(Long.parseLong(instanceId.substring(0, slash)),
          UUID.fromString(instanceId.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("An instance id is '{partyId}/{instanceGuid}', not '" + instanceId + "'.", e);
    }
  }

  @Override
  public String toString() {
    return partyId + "/" + guid;
  }
}
