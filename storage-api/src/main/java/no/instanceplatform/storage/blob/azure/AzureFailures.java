package no.instanceplatform.storage.blob.azure;

import com.azure.storage.blob.models.BlobStorageException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import no.instanceplatform.storage.blob.BlobStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the SDK's failures into Storage's: a missing blob or container is "not found", the rest UNAVAILABLE. */
final class AzureFailures {

  private static final Logger log = LoggerFactory.getLogger(AzureFailures.class);

  private AzureFailures() {}

  /** The request's answer; any failure is unavailable. */
  static <T> T call(Supplier<T> request, String action) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw unavailable(action, e);
    }
  }

  /** The request's answer, or {@code notFound} when the blob or its container is missing; else as {@link #call}. */
  static <T> T orNotFound(Supplier<T> request, T notFound, String action) {
    try {
      return request.get();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return notFound;
      }
      throw unavailable(action, e);
    } catch (RuntimeException e) {
      throw unavailable(action, e);
    }
  }

  /**
   * The items of a paged listing as a lazy stream whose every step (each page is fetched as it is reached) fails
   * as {@link #call} does, not with the SDK's exception.
   */
  static <T> Stream<T> stream(Supplier<Iterable<T>> listing, String action) {
    Iterator<T> items = call(() -> listing.get().iterator(), action);
    Iterator<T> translated = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return call(items::hasNext, action);
      }

      @Override
      public T next() {
        return call(items::next, action);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(translated, Spliterator.ORDERED), false);
  }

  /** Logs what could not be done and keeps the SDK's failure as the cause, for the log only. */
  static BlobStoreUnavailableException unavailable(String action, RuntimeException e) {
    if (e instanceof BlobStorageException storage) {
      log.warn("The Azure blob store could not {}: status {}, {}", action, storage.getStatusCode(),
          storage.getErrorCode());
    } else {
      log.warn("The Azure blob store could not {}: {}", action, e.toString());
    }
    return new BlobStoreUnavailableException(e);
  }
}
