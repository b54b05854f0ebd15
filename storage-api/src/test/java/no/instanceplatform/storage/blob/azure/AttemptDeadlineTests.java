package no.instanceplatform.storage.blob.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline's checks run when the test says so, on a timer that only takes note of them. */
class AttemptDeadlineTests {

  private final ManualTimer timer = new ManualTimer();
  private final AtomicInteger ended = new AtomicInteger();

  @AfterEach
  void shutDown() {
    timer.shutdownNow();
  }

  @Test
  void anAttemptThatStandsStillIsEndedOnceItsTimeoutHasPassed() throws InterruptedException {
    AttemptDeadline deadline = AttemptDeadline.start(timer, Duration.ofMillis(1), ended::incrementAndGet);
    Thread.sleep(5);

    timer.runNext();

    assertThat(ended).hasValue(1);
    assertThat(deadline.reached()).isTrue();
  }

  @Test
  void aCheckBeforeTheTimeoutLooksAgainWhenTheRestHasPassed() {
    AttemptDeadline deadline = AttemptDeadline.start(timer, Duration.ofHours(1), ended::incrementAndGet);

    timer.runNext();

    assertThat(ended).hasValue(0);
    assertThat(deadline.reached()).isFalse();
    assertThat(timer.lastDelay()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void eachStepOfTheBodyStartsTheClockAgain() throws InterruptedException {
    AttemptDeadline deadline = AttemptDeadline.start(timer, Duration.ofMillis(200), ended::incrementAndGet);
    Thread.sleep(250);

    deadline.progressed();
    timer.runNext();

    assertThat(ended).hasValue(0);
    assertThat(deadline.reached()).isFalse();
    assertThat(timer.pending()).as("checked again later").isEqualTo(1);
  }

  @Test
  void aStoppedDeadlineNeverEndsItsAttempt() throws InterruptedException {
    AttemptDeadline deadline = AttemptDeadline.start(timer, Duration.ofMillis(1), ended::incrementAndGet);
    deadline.stop();
    Thread.sleep(5);

    timer.runNext();

    assertThat(ended).hasValue(0);
    assertThat(deadline.reached()).isFalse();
    assertThat(timer.pending()).as("not checked again").isZero();
  }

  /** Keeps what is scheduled instead of running it; the futures it answers can still be cancelled. */
  private static final class ManualTimer extends ScheduledThreadPoolExecutor {

    private final Deque<Runnable> due = new ArrayDeque<>();
    private Duration lastDelay;

    ManualTimer() {
      super(1);
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      due.add(command);
      lastDelay = Duration.ofNanos(unit.toNanos(delay));
      return super.schedule(() -> { }, 1, TimeUnit.DAYS);
    }

    void runNext() {
      Runnable next;
      synchronized (this) {
        next = due.removeFirst();
      }
      next.run();
    }

    synchronized int pending() {
      return due.size();
    }

    synchronized Duration lastDelay() {
      return lastDelay;
    }
  }
}
