package no.instanceplatform.storage.blob.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.web.MemoryBudget;
import org.junit.jupiter.api.Test;

/** The memory budget of the Azure store's puts: a burst of uploads waits its turn instead of exhausting the heap. */
class BlockBuffersTests {

  private static final int BLOCK = AzureBlobStore.BLOCK_SIZE;

  @Test
  void aBufferBeyondTheBudgetIsLentOnceAnotherIsGivenBack() throws Exception {
    BlockBuffers buffers = buffers(BLOCK + BLOCK / 2, Duration.ofSeconds(10));
    BlockBuffers.Lease first = buffers.lend(BLOCK);
    BlockBuffers.Lease small = buffers.lend(BLOCK / 2);

    CompletableFuture<BlockBuffers.Lease> waiting = CompletableFuture.supplyAsync(() -> buffers.lend(1024),
        Thread::startVirtualThread);
    Thread.sleep(200);
    assertThat(waiting).as("the budget is spent").isNotDone();

    buffers.giveBack(small, true);
    assertThat(waiting.get(5, TimeUnit.SECONDS).buffer()).hasSizeGreaterThanOrEqualTo(1024);
    buffers.giveBack(first, true);
  }

  @Test
  void aPutThatWaitedTooLongForMemoryIsRefusedAsBusy() {
    BlockBuffers buffers = buffers(BLOCK, Duration.ofMillis(100));
    buffers.lend(BLOCK);

    assertThatThrownBy(() -> buffers.lend(1)).isInstanceOf(MemoryBudget.Busy.class)
        .hasMessageContaining("as many files as its memory allows");
  }

  @Test
  void contentShorterThanABlockTakesItsOwnLengthUnlessASpareBlockIsAtHand() {
    BlockBuffers buffers = buffers(4L * BLOCK, Duration.ofSeconds(1));
    BlockBuffers.Lease shortContent = buffers.lend(200 * 1024);
    assertThat(shortContent.buffer()).hasSize(200 * 1024);
    buffers.giveBack(shortContent, true);

    BlockBuffers.Lease block = buffers.lend(BLOCK);
    buffers.giveBack(block, true);
    BlockBuffers.Lease reused = buffers.lend(10);
    assertThat(reused.buffer()).as("the spare block, lent again").isSameAs(block.buffer());

    buffers.giveBack(reused, false);
    assertThat(buffers.lend(10).buffer()).as("a failed put's buffer may still be read: not lent again")
        .isNotSameAs(block.buffer()).hasSize(10);
  }

  @Test
  void theBudgetIsGivenBackWhateverBecomesOfTheBuffer() {
    BlockBuffers buffers = buffers(BLOCK, Duration.ofMillis(100));
    for (int put = 0; put < 10; put++) {
      buffers.giveBack(buffers.lend(BLOCK), put % 2 == 0);
    }

    assertThat(buffers.lend(BLOCK).buffer()).hasSize(BLOCK);
  }

  private static BlockBuffers buffers(long budget, Duration wait) {
    return new BlockBuffers(new MemoryBudget(budget, wait));
  }
}
