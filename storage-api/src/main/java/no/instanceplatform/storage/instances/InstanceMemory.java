package no.instanceplatform.storage.instances;

/**
 * Memory for the instances a request holds. The store asks for it with what it read or will write, as the store
 * measures it, before it decodes or writes it; a request that cannot have it in time is refused as busy (503).
 */
public interface InstanceMemory {

  /**
   * Holds memory for {@code storedBytes} of instances for the rest of the request, on top of what it {@link #keep}s:
   * what the request holds already counts, so this is the most it holds at once, not a sum.
   */
  void holdFor(long storedBytes);

  /**
   * Holds {@code heapBytes} that the request keeps, for the rest of it, of what it made of the instances it read so
   * far (a listing built as they are read), and counts them under every {@link #holdFor} that follows, so that the
   * next instance read is held on top of them. The latest call replaces the ones before.
   */
  void keep(long heapBytes);
}
