package no.instanceplatform.storage.instances;

/**
 * Memory for the instances a request holds. The store asks for it with what it read or will write, as the store
 * measures it, before it decodes or writes it; a request that cannot have it in time is refused as busy (503).
 */
@FunctionalInterface
public interface InstanceMemory {

  /**
   * Holds memory for {@code storedBytes} of instances for the rest of the request: what the request holds already
   * counts, so this is the most it holds at once, not a sum.
   */
  void holdFor(long storedBytes);
}
