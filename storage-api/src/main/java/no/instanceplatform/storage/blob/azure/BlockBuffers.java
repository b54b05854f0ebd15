package no.instanceplatform.storage.blob.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import no.instanceplatform.web.MemoryBudget;

/**
 * The memory that puts to Azure hold content in, within a {@link MemoryBudget}. Every put keeps what it sends in a
 * buffer (a block, or content of a declared length shorter than one), and with a buffer for each put at once, a burst
 * of uploads ran Storage out of heap: 200 uploads of 200 KiB at once at {@code -Xmx256m} each took a 4 MiB block
 * buffer, and the {@code OutOfMemoryError}s answered 500 and left Storage unable to write at all. Now a put takes a
 * buffer of the size it needs from the budget, and waits while the budget is spent; one that waited in vain is
 * answered 503, to be tried again.
 *
 * <p>Buffers of a whole block are humongous objects to G1 (more than half a heap region), and allocating one for
 * every put set off a collection every few puts; so {@value #SPARES} of them are kept from one put for the next, and
 * lent to any put while they last. They are memory beyond the budget, at most {@value #SPARES} blocks.
 */
final class BlockBuffers {

  private static final int SPARES = 2;

  private final MemoryBudget budget;
  private final BlockingQueue<byte[]> spares = new ArrayBlockingQueue<>(SPARES);

  BlockBuffers(MemoryBudget budget) {
    if (budget.bytes() < AzureBlobStore.BLOCK_SIZE) {
      throw new IllegalArgumentException("A budget of " + budget.bytes() + " bytes does not hold a block");
    }
    this.budget = budget;
  }

  /**
   * A quarter of the heap (64 MiB, 16 blocks, at {@code -Xmx256m}, and at least a block), waited for at most 20
   * seconds: less than the App API's 30 seconds of silence from Storage ({@code app.storage-read-timeout}), so that it
   * hears the 503 rather than giving up first.
   */
  static BlockBuffers forThisHeap() {
    return new BlockBuffers(MemoryBudget.quarterOfHeap(AzureBlobStore.BLOCK_SIZE, Duration.ofSeconds(20)));
  }

  /** A buffer of at least {@code size} bytes (at most a block), lent until {@link #giveBack}. */
  Lease lend(int size) {
    if (size < 0 || size > AzureBlobStore.BLOCK_SIZE) {
      throw new IllegalArgumentException("A buffer of " + size + " bytes is not lent; a block is the most");
    }
    MemoryBudget.Reservation reservation =
        budget.reserve(size, "Storage is writing as many files as its memory allows. Try again shortly.");
    byte[] spare = spares.poll();
    return new Lease(Objects.requireNonNullElseGet(spare, () -> new byte[size]), reservation);
  }

  /**
   * Returns the lease's part of the budget. Its buffer is lent again only if {@code reusable}: a put that failed may
   * have left a request behind that still reads it.
   */
  void giveBack(Lease lease, boolean reusable) {
    if (reusable && lease.buffer().length == AzureBlobStore.BLOCK_SIZE) {
      spares.offer(lease.buffer());
    }
    lease.reservation().close();
  }

  /** A buffer lent, and the part of the budget it holds. */
  record Lease(byte[] buffer, MemoryBudget.Reservation reservation) {}
}
