package no.instanceplatform.web;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * Holds at least {@code bytes} of {@code budget} (at most the whole budget) until the request ends: what the
   * request holds already counts, so a request that reads the same thing again, or more of a growing whole, takes
   * only the difference, if it is free at once; otherwise the request gives back what it holds and waits for the
   * whole, in turn with the others.
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
    Map<MemoryBudget, Held> holdings = (Map<MemoryBudget, Held>) request.getAttribute(HOLDINGS,
        RequestAttributes.SCOPE_REQUEST);
    if (holdings == null) {
      holdings = new IdentityHashMap<>();
      request.setAttribute(HOLDINGS, holdings, RequestAttributes.SCOPE_REQUEST);
    }
    Held held = holdings.get(budget);
    if (held == null) {
      held = new Held();
      holdings.put(budget, held);
      releaseAtRequestEnd(held::release);
    }
    long wanted = Math.min(bytes, budget.bytes());
    if (wanted <= held.bytes) {
      return;
    }
    Optional<MemoryBudget.Reservation> more = budget.reserveNow(wanted - held.bytes);
    if (more.isPresent()) {
      held.reservations.add(more.get());
    } else {
      // Requests that each held some and waited for more could wait for each other until all were refused: give
      // back what is held, and wait for the whole in turn.
      held.release();
      held.bytes = 0;
      held.reservations.add(budget.reserve(wanted, busy));
    }
    held.bytes = wanted;
  }

  /** One request's holding of one budget; a request's work runs in one thread, so it needs no lock. */
  private static final class Held {

    private final List<MemoryBudget.Reservation> reservations = new ArrayList<>();
    private long bytes;

    void release() {
      reservations.forEach(MemoryBudget.Reservation::close);
      reservations.clear();
    }
  }
}
