package no.instanceplatform.storage.web;

import no.instanceplatform.storage.instances.InstanceLimits;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.web.MemoryBudget;
import no.instanceplatform.web.RequestMemory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

  /** What the request keeps, in heap bytes (see {@link #keep}). */
  private static final String KEPT = RequestInstanceMemory.class.getName() + ".kept";

  private final MemoryBudget budget;

  RequestInstanceMemory(InstanceLimits limits) {
    this.budget = MemoryBudget.setOrQuarterOfHeap(limits.memory(), limits.memoryWait());
  }

  @Override
  public void holdFor(long storedBytes) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object kept = request == null ? null : request.getAttribute(KEPT, RequestAttributes.SCOPE_REQUEST);
    long keeping = kept == null ? 0 : (Long) kept;
    RequestMemory.holdAtLeast(budget, keeping + storedBytes * HEAP_BYTES_PER_STORED_BYTE, BUSY);
  }

  @Override
  public void keep(long heapBytes) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return;
    }
    request.setAttribute(KEPT, heapBytes, RequestAttributes.SCOPE_REQUEST);
    RequestMemory.holdAtLeast(budget, heapBytes, BUSY);
  }

  MemoryBudget budget() {
    return budget;
  }
}
