package no.instanceplatform.storage.web;

import no.instanceplatform.storage.instances.InstanceLimits;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.web.MemoryBudget;
import no.instanceplatform.web.RequestMemory;
import org.springframework.stereotype.Component;

/**
 * The instance memory as a {@link MemoryBudget} each request holds of until it ends. Without it, what one request
 * holds was bounded by the instance's size, but not how many such requests ran at once: 64 small writes at once to
 * an instance of 1 MB ran Storage at {@code -Xmx256m} out of memory.
 */
@Component
class RequestInstanceMemory implements InstanceMemory {

  /**
   * Reasoned from the objects' layouts, not measured exactly: a stored instance decodes to maps about 8 times its
   * size, and a write holds the instance read, the changed one, the document converted and mapped for the update, its
   * encoding, and the instance read back: about 30 times.
   */
  private static final int HEAP_BYTES_PER_STORED_BYTE = 32;

  private static final String BUSY =
      "Storage is working on as many instances as its memory allows. Try again shortly.";

  private final MemoryBudget budget;

  RequestInstanceMemory(InstanceLimits limits) {
    this.budget = MemoryBudget.setOrQuarterOfHeap(limits.memory(), limits.memoryWait());
  }

  @Override
  public void holdFor(long storedBytes) {
    RequestMemory.holdAtLeast(budget, storedBytes * HEAP_BYTES_PER_STORED_BYTE, BUSY);
  }

  MemoryBudget budget() {
    return budget;
  }
}
