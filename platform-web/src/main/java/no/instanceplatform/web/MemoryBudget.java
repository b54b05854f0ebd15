package no.instanceplatform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.util.unit.DataSize;

/**
 * Heap that requests hold content in whole (Storage: a block on its way to Azure; the App API: form data until it is
 * checked), within a budget all requests at once share. Without one, a burst of such requests ran a service out of
 * heap: the {@code OutOfMemoryError}s were 500s, and could leave a client library (Azure's connection pool) unusable.
 * A request beyond the budget waits in its virtual thread (the client's bytes held back by TCP), first come first
 * served so that small reservations do not pass a large one by for ever; one that waited in vain is refused as
 * {@link Busy}, which {@link ProblemAdviceSupport} answers 503 with a Retry-After, before anything was done.
 */
public final class MemoryBudget {

  private static final int KIB = 1024;

  private final Semaphore kib;
  private final long bytes;
  private final Duration wait;

  /** A budget of {@code bytes} (whole KiB), a reservation waited for at most {@code wait}. */
  public MemoryBudget(long bytes, Duration wait) {
    if (bytes < KIB || bytes / KIB > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("A budget of " + bytes + " bytes is not between 1 KiB and 2 TiB");
    }
    this.kib = new Semaphore(Math.toIntExact(bytes / KIB), true);
    this.bytes = bytes / KIB * KIB;
    this.wait = wait;
  }

  /**
   * A quarter of this JVM's heap (64 MiB at {@code -Xmx256m}), leaving the rest to everything else requests hold; at
   * least {@code atLeast} bytes, the largest reservation the service must be able to make.
   */
  public static MemoryBudget quarterOfHeap(long atLeast, Duration wait) {
    return new MemoryBudget(Math.max(Runtime.getRuntime().maxMemory() / 4, atLeast), wait);
  }

  /** A service's setting ({@code bytes}), or when it is unset a quarter of the heap, at least 1 MiB. */
  public static MemoryBudget setOrQuarterOfHeap(DataSize bytes, Duration wait) {
    return bytes == null ? quarterOfHeap(1024 * 1024, wait) : new MemoryBudget(bytes.toBytes(), wait);
  }

  /** The whole budget: no reservation can be larger. */
  public long bytes() {
    return bytes;
  }

  /**
   * Reserves {@code size} bytes (rounded up to whole KiB) until the reservation is closed, waiting while the budget is
   * spent.
   *
   * @param busy the 503's detail, should the wait be in vain
   * @throws Busy when the budget was not free within the wait, or the thread was interrupted while it waited
   */
  public Reservation reserve(long size, String busy) {
    int permits = permits(size);
    try {
      if (!kib.tryAcquire(permits, wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Busy(busy);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(busy);
    }
    return new Reservation(permits);
  }

  /**
   * Reserves {@code size} bytes (rounded up to whole KiB) if they are free now, ahead of any who wait: for a holder
   * that needs more, which must not wait while it holds (all holders could wait for each other).
   *
   * @return empty when they are not free
   */
  public Optional<Reservation> reserveNow(long size) {
    int permits = permits(size);
    return kib.tryAcquire(permits) ? Optional.of(new Reservation(permits)) : Optional.empty();
  }

  /** The whole KiB {@code size} bytes take, at least one; a size outside the budget is a mistake of the caller's. */
  private int permits(long size) {
    if (size < 0 || size > bytes) {
      throw new IllegalArgumentException("A reservation of " + size + " bytes does not fit a budget of " + bytes);
    }
    return (int) Math.max(1, (size + KIB - 1) / KIB);
  }

  /** A holding of this budget that grows as its holder needs more, given back together when it is closed. */
  public Holding holding() {
    return new Holding();
  }

  /**
   * What one holder (a request, a body being read) holds of the budget. Its holder's work runs in one thread, so it
   * needs no lock.
   */
  public final class Holding implements AutoCloseable {

    private final List<Reservation> reservations = new ArrayList<>();
    private long held;

    private Holding() {}

    /**
     * Holds at least {@code size} bytes (at most the whole budget): what is held already counts, and the difference
     * is taken if it is free at once. Otherwise what is held is given back and the whole is waited for in turn:
     * holders that each held some and waited for more could wait for each other until all were refused.
     *
     * @param busy the 503's detail, should the wait be in vain
     * @throws Busy when the budget was not free within the wait
     */
    public void atLeast(long size, String busy) {
      long wanted = Math.min(size, bytes);
      if (wanted <= held) {
        return;
      }
      Optional<Reservation> more = reserveNow(wanted - held);
      if (more.isPresent()) {
        reservations.add(more.get());
      } else {
        close();
        reservations.add(reserve(wanted, busy));
      }
      held = wanted;
    }

    @Override
    public void close() {
      reservations.forEach(Reservation::close);
      reservations.clear();
      held = 0;
    }
  }

  /** Bytes of the budget held until closed; closing again gives nothing back twice. */
  public final class Reservation implements AutoCloseable {

    private final int permits;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Reservation(int permits) {
      this.permits = permits;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        kib.release(permits);
      }
    }
  }

  /** The budget was spent for as long as the request could wait: nothing was done, and it may be tried again. */
  public static final class Busy extends RuntimeException {

    Busy(String message) {
      super(message, null, false, false);
    }
  }
}
