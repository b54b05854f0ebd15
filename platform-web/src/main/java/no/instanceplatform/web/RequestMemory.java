package no.instanceplatform.web;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the current request holds of a {@link MemoryBudget}, given back when the request ends (after its answer is
 * written, when what the memory was held for can no longer be in use). Outside a request (a scheduled job) nothing
 * is held: there is no end to give it back at.
 */
public final class RequestMemory {

  /** Names each release's callback apart, should a request register more than one. */
  private static final AtomicLong RELEASES = new AtomicLong();

  /** The request's holdings, by budget. */
  private static final String HOLDINGS = RequestMemory.class.getName() + ".holdings";

  private RequestMemory() {}

  /**
   * Calls {@code release} when the current request ends.
   *
   * @return false, and nothing registered, outside a request
   */
  public static boolean releaseAtRequestEnd(Runnable release) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return false;
    }
    request.registerDestructionCallback(RequestMemory.class.getName() + "#" + RELEASES.incrementAndGet(), release,
        RequestAttributes.SCOPE_REQUEST);
    return true;
  }

  /**
   * Holds at least {@code bytes} of {@code budget} until the request ends, as {@link MemoryBudget.Holding#atLeast}:
   * what the request holds already counts, so a request that reads the same thing again, or more of a growing whole,
   * takes only the difference.
   *
   * @param busy the 503's detail, should the wait be in vain
   * @throws MemoryBudget.Busy when the budget was not free within its wait
   */
  public static void holdAtLeast(MemoryBudget budget, long bytes, String busy) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<MemoryBudget, MemoryBudget.Holding> holdings = (Map<MemoryBudget, MemoryBudget.Holding>)
        request.getAttribute(HOLDINGS, RequestAttributes.SCOPE_REQUEST);
    if (holdings == null) {
      holdings = new IdentityHashMap<>();
      request.setAttribute(HOLDINGS, holdings, RequestAttributes.SCOPE_REQUEST);
    }
    MemoryBudget.Holding holding = holdings.get(budget);
    if (holding == null) {
      holding = budget.holding();
      holdings.put(budget, holding);
      releaseAtRequestEnd(holding::close);
    }
    holding.atLeast(bytes, busy);
  }
}
