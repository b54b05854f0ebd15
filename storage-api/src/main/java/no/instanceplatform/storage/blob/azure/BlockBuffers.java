package no.instanceplatform.storage.blob.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.storage.common.StorageException;

/**
 * The memory that puts to Azure hold content in, within a budget. Every put keeps what it sends in a buffer (a block,
 * or content of a declared length shorter than one), and with a buffer for each put at once, a burst of uploads ran
 * Storage out of heap: 200 uploads of 200 KiB at once at {@code -Xmx256m} each took a 4 MiB block buffer, and the
 * {@code OutOfMemoryError}s answered 500 and left Storage unable to write at all. Now a put takes a buffer of the
 * size it needs from the budget, and waits (in its own virtual thread, the client's bytes held back by TCP) while the
 * budget is spent; one that waited {@link #wait} in vain is answered 503, to be tried again.
 *
 * <p>Buffers of a whole block are humongous objects to G1 (more than half a heap region), and allocating one for
 * every put set off a collection every few puts; so {@value #SPARES} of them are kept from one put for the next, and
 * lent to any put while they last. They are memory beyond the budget, at most {@value #SPARES} blocks.
 */
final class BlockBuffers {

  private static final int SPARES = 2;
  private static final int KIB = 1024;

  /** The budget in KiB, lent first come first served, so that smaller buffers do not pass a block by for ever. */
  private final Semaphore budget;
  private final Duration wait;
  private final BlockingQueue<byte[]> spares = new ArrayBlockingQueue<>(SPARES);

  /** A budget of {@code budgetBytes} (at least one block), waited for at most {@code wait}. */
  BlockBuffers(long budgetBytes, Duration wait) {
    this.budget = new Semaphore(Math.toIntExact(Math.max(budgetBytes, AzureBlobStore.BLOCK_SIZE) / KIB), true);
    this.wait = wait;
  }

  /**
   * A quarter of the heap (64 MiB, 16 blocks, at {@code -Xmx256m}), waited for at most 20 seconds: less than the App
   * API's 30 seconds of silence from Storage ({@code app.storage-read-timeout}), so that it hears the 503 rather than
   * giving up first.
   */
  static BlockBuffers forThisHeap() {
    return new BlockBuffers(Runtime.getRuntime().maxMemory() / 4, Duration.ofSeconds(20));
  }

  /** A buffer of at least {@code size} bytes (at most a block), lent until {@link #giveBack}. */
  Lease lend(int size) {
    if (size < 0 || size > AzureBlobStore.BLOCK_SIZE) {
      throw new IllegalArgumentException("A buffer of " + size + " bytes is not lent; a block is the most");
    }
    int permits = Math.max(1, (size + KIB - 1) / KIB);
    try {
      if (!budget.tryAcquire(permits, wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw StorageException.unavailable("Storage is writing as many files as its memory allows. Try again shortly.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StorageException.unavailable("The write was interrupted while it waited for memory. Try again.");
    }
    byte[] spare = spares.poll();
    return new Lease(Objects.requireNonNullElseGet(spare, () -> new byte[size]), permits);
  }

  /**
   * Returns the lease's part of the budget. Its buffer is lent again only if {@code reusable}: a put that failed may
   * have left a request behind that still reads it.
   */
  void giveBack(Lease lease, boolean reusable) {
    if (reusable && lease.buffer().length == AzureBlobStore.BLOCK_SIZE) {
      spares.offer(lease.buffer());
    }
    budget.release(lease.permits());
  }

  /** A buffer lent, and the KiB of the budget it holds. */
  record Lease(byte[] buffer, int permits) {}
}
