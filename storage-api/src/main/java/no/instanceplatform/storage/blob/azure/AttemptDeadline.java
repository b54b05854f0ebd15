package no.instanceplatform.storage.blob.azure;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The try timeout of one attempt: the attempt is ended, from a timer thread, once it has gone that long without its
 * body moving on. Each piece of the body written starts the clock again ({@link #progressed}), so a body sent on as a
 * client uploads it may take as long as the client takes, while an attempt whose writes stall, or whose answer does
 * not come, is ended.
 */
final class AttemptDeadline {

  private final ScheduledExecutorService timer;
  private final long timeoutNanos;
  private final Runnable end;
  private volatile long expiresAt;
  private ScheduledFuture<?> check;
  private boolean stopped;
  private boolean reached;

  private AttemptDeadline(ScheduledExecutorService timer, Duration timeout, Runnable end) {
    this.timer = timer;
    this.timeoutNanos = timeout.toNanos();
    this.end = end;
  }

  /** A deadline {@code timeout} from now, at which {@code end} runs on {@code timer} unless moved on or stopped. */
  static AttemptDeadline start(ScheduledExecutorService timer, Duration timeout, Runnable end) {
    AttemptDeadline deadline = new AttemptDeadline(timer, timeout, end);
    deadline.expiresAt = System.nanoTime() + deadline.timeoutNanos;
    synchronized (deadline) {
      deadline.check = timer.schedule(deadline::check, deadline.timeoutNanos, TimeUnit.NANOSECONDS);
    }
    return deadline;
  }

  /** The attempt moved on: the deadline is a whole timeout from now. */
  void progressed() {
    expiresAt = System.nanoTime() + timeoutNanos;
  }

  /** The attempt is over; once this returns, {@code end} does not run. */
  synchronized void stop() {
    stopped = true;
    check.cancel(false);
  }

  /** Whether the deadline was reached and the attempt ended by it. */
  synchronized boolean reached() {
    return reached;
  }

  /** Under the lock, so that the attempt is never ended after {@link #stop}: a later answer's body may be open. */
  private synchronized void check() {
    if (stopped) {
      return;
    }
    long left = expiresAt - System.nanoTime();
    if (left > 0) {
      check = timer.schedule(this::check, left, TimeUnit.NANOSECONDS);
      return;
    }
    reached = true;
    end.run();
  }
}
