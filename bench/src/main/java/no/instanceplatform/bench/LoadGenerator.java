package no.instanceplatform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator: {@code clients} clients, each a virtual thread, start together and each sends its
 * next request as soon as its previous one is answered, until {@code operations} requests are done. Virtual threads,
 * because a blocking client per thread is the simplest correct one and 16 of them cost nothing; closed loop, because
 * it measures what the service sustains without queueing requests it cannot take (an open loop on two shared CPUs
 * would measure the queue).
 */
final class LoadGenerator {

  /** One request; {@code i} numbers it within the round (0-based). It throws when the answer is wrong. */
  @FunctionalInterface
  interface Operation {
    void run(int i) throws Exception;
  }

  /**
   * One round: each request's time from sending to the end of its answer's checks (milliseconds, in the order they
   * were started), and the round's wall time (seconds).
   */
  record Round(double[] millis, double seconds) {

    double throughput() {
      return millis.length / seconds;
    }
  }

  private LoadGenerator() {}

  static Round run(int clients, int operations, Operation operation) {
    double[] millis = new double[operations];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    long start;
    long end;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        running.add(threads.submit(() -> {
          go.await();
          for (int i; (i = next.getAndIncrement()) < operations; ) {
            long t = System.nanoTime();
            operation.run(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
          }
          return null;
        }));
      }
      start = System.nanoTime();
      go.countDown();
      try {
        for (Future<?> client : running) {
          client.get();
        }
      } catch (ExecutionException e) {
        // The first wrong answer ends the round: the other clients stop before their next request.
        next.set(operations);
        throw new IllegalStateException("A request failed: " + rootMessage(e), e.getCause());
      }
      end = System.nanoTime();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
    return new Round(millis, (end - start) / 1e9);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
