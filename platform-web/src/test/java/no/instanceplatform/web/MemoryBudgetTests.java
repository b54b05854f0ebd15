package no.instanceplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A budget of memory that requests at once share: beyond it they wait their turn, and in vain are refused. */
class MemoryBudgetTests {

  private static final long MIB = 1024 * 1024;

  @Test
  void aReservationBeyondTheBudgetWaitsUntilAnotherIsClosed() throws Exception {
    MemoryBudget budget = new MemoryBudget(4 * MIB, Duration.ofSeconds(10));
    MemoryBudget.Reservation first = budget.reserve(3 * MIB, "busy");

    CompletableFuture<MemoryBudget.Reservation> second = reserveLater(budget, 2 * MIB);
    Thread.sleep(200);
    assertThat(second).as("3 MiB of 4 are held").isNotDone();

    first.close();
    second.get(5, TimeUnit.SECONDS).close();
  }

  @Test
  void aWaitInVainIsRefusedAsBusyWithTheCallersDetail() {
    MemoryBudget budget = new MemoryBudget(MIB, Duration.ofMillis(100));
    budget.reserve(MIB, "first");

    assertThatThrownBy(() -> budget.reserve(1, "The service is full. Try again shortly."))
        .isInstanceOf(MemoryBudget.Busy.class).hasMessage("The service is full. Try again shortly.");
  }

  @Test
  void aLargeReservationIsNotPassedByLaterSmallOnes() throws Exception {
    MemoryBudget budget = new MemoryBudget(4 * MIB, Duration.ofSeconds(10));
    MemoryBudget.Reservation held = budget.reserve(2 * MIB, "busy");
    CompletableFuture<MemoryBudget.Reservation> large = reserveLater(budget, 4 * MIB);
    Thread.sleep(200);

    CompletableFuture<MemoryBudget.Reservation> small = reserveLater(budget, MIB);
    Thread.sleep(200);
    assertThat(small).as("2 MiB are free, but the 4 MiB reservation came first").isNotDone();

    held.close();
    large.get(5, TimeUnit.SECONDS).close();
    small.get(5, TimeUnit.SECONDS).close();
  }

  @Test
  void closingAReservationTwiceGivesItsBytesBackOnce() {
    MemoryBudget budget = new MemoryBudget(2 * MIB, Duration.ofMillis(100));
    MemoryBudget.Reservation reservation = budget.reserve(MIB, "busy");
    reservation.close();
    reservation.close();

    budget.reserve(2 * MIB, "busy");
    assertThatThrownBy(() -> budget.reserve(1, "busy")).as("the budget did not grow by the second close")
        .isInstanceOf(MemoryBudget.Busy.class);
  }

  @Test
  void aReservationLargerThanTheWholeBudgetIsRefusedAtOnce() {
    MemoryBudget budget = new MemoryBudget(MIB, Duration.ofSeconds(30));

    assertThatThrownBy(() -> budget.reserve(MIB + 1, "busy")).isInstanceOf(IllegalArgumentException.class);
    assertThat(budget.bytes()).isEqualTo(MIB);
  }

  private static CompletableFuture<MemoryBudget.Reservation> reserveLater(MemoryBudget budget, long bytes) {
    return CompletableFuture.supplyAsync(() -> budget.reserve(bytes, "busy"), Thread::startVirtualThread);
  }
}
