package no.instanceplatform.app.storageclient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Calls to Storage made on a virtual thread of their own while the request's thread goes on, and waited for as if
 * made in it: what a call threw is thrown again as it was.
 */
public final class SideCalls {

  private SideCalls() {}

  /** Starts {@code call} on a virtual thread named {@code threadName}. */
  public static <T> CompletableFuture<T> start(String threadName, Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, task -> Thread.ofVirtual().name(threadName).start(task));
  }

  /** Waits for the call's answer, throwing what the call threw. */
  public static <T> T join(CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
