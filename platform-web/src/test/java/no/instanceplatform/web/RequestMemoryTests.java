package no.instanceplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A request holds the most it asked for of a budget, not the sum, and gives it back when it ends. */
class RequestMemoryTests {

  private static final long KIB = 1024;

  private final MemoryBudget budget = new MemoryBudget(64 * KIB, Duration.ofMillis(50));

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void aRequestHoldsTheMostItAskedForUntilItEnds() {
    ServletRequestAttributes request = inARequest();

    RequestMemory.holdAtLeast(budget, 40 * KIB, "busy");
    RequestMemory.holdAtLeast(budget, 20 * KIB, "busy");
    RequestMemory.holdAtLeast(budget, 48 * KIB, "busy");

    assertThatThrownBy(() -> budget.reserve(17 * KIB, "busy")).as("48 KiB held of 64")
        .isInstanceOf(MemoryBudget.Busy.class);
    budget.reserve(16 * KIB, "busy").close();
    request.requestCompleted();
    budget.reserve(64 * KIB, "busy").close();
  }

  @Test
  void aRequestAskingForMoreThanTheBudgetHoldsAllOfIt() {
    ServletRequestAttributes request = inARequest();

    RequestMemory.holdAtLeast(budget, 1024 * KIB, "busy");

    assertThatThrownBy(() -> budget.reserve(1, "busy")).isInstanceOf(MemoryBudget.Busy.class);
    request.requestCompleted();
    budget.reserve(64 * KIB, "busy").close();
  }

  @Test
  void aRequestThatFindsTheBudgetSpentIsBusyAndHoldsNothingMore() {
    ServletRequestAttributes request = inARequest();
    MemoryBudget.Reservation other = budget.reserve(60 * KIB, "busy");

    assertThatThrownBy(() -> RequestMemory.holdAtLeast(budget, 8 * KIB, "the instances are many"))
        .isInstanceOf(MemoryBudget.Busy.class).hasMessage("the instances are many");

    other.close();
    request.requestCompleted();
    budget.reserve(64 * KIB, "busy").close();
  }

  /** Two requests that each held half and wanted more would otherwise wait for each other until both were refused. */
  @Test
  void aRequestWhoseMoreIsNotFreeGivesBackWhatItHoldsAndWaitsForTheWhole() throws Exception {
    ServletRequestAttributes first = inARequest();
    RequestMemory.holdAtLeast(budget, 32 * KIB, "busy");
    AtomicReference<Throwable> secondFailed = new AtomicReference<>();
    Thread second = Thread.ofVirtual().start(() -> {
      inARequest();
      RequestMemory.holdAtLeast(budget, 32 * KIB, "busy");
      try {
        RequestMemory.holdAtLeast(budget, 48 * KIB, "busy");
      } catch (MemoryBudget.Busy e) {
        secondFailed.set(e);
      }
    });
    second.join();

    assertThat(secondFailed.get()).as("48 KiB were not free while the first held 32").isNotNull();
    budget.reserve(32 * KIB, "busy").close();
    RequestMemory.holdAtLeast(budget, 48 * KIB, "busy");
    assertThatThrownBy(() -> budget.reserve(17 * KIB, "busy")).isInstanceOf(MemoryBudget.Busy.class);
    first.requestCompleted();
    budget.reserve(64 * KIB, "busy").close();
  }

  @Test
  void outsideARequestNothingIsHeld() {
    RequestMemory.holdAtLeast(budget, 64 * KIB, "busy");

    assertThatCode(() -> budget.reserve(64 * KIB, "busy").close()).doesNotThrowAnyException();
  }

  private static ServletRequestAttributes inARequest() {
    ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
    RequestContextHolder.setRequestAttributes(request);
    return request;
  }
}
