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
   * Measured object by object ({@code bench/footprint}, docs/PERFORMANCE.md): a read holds up to 11 times an
   * instance's stored size at once (its bytes, their document, Spring Data's record, the instance), and a replace
   * with everything it makes kept at once (the instance read and changed, its record, document, update and mapped
   * update, the command's bytes and the answer read back) 13 to 22 times. The rest leaves room for the answer being
   * written; a replace allocates about 38 to 75 times in all, more than it can hold at once.
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
