package no.instanceplatform.storage.blob;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port to the files of data elements. Blobs are kept per app owner ({@code org}: a container in Azure, a directory
 * on the file system) under their {@code blobStoragePath}. Adapters translate their own failures: a store out of
 * reach is {@code StorageException} kind UNAVAILABLE, never a library exception.
 */
public interface BlobStore {

  /**
   * Streams {@code content} (of unknown length) into the blob, replacing one of the same name only once the whole
   * content has been written: a reader sees the old content or the new, never a part.
   *
   * <p>A failure to read {@code content} is the caller's (a client that went away), not the store's: it is rethrown
   * as {@link java.io.UncheckedIOException}, and nothing new is kept.
   *
   * @param maxBytes the most the blob may hold; reading a byte more stops the write, keeps nothing new, and throws
   *     {@link BlobTooLargeException}
   * @return the number of bytes written
   */
  long put(String org, String name, InputStream content, long maxBytes);

  /**
   * As {@link #put(String, String, InputStream, long)}, for content whose length may have been declared before its
   * first byte (a request's Content-Length), which lets a store send it on as it arrives. A length over
   * {@code maxBytes} is refused before anything is read ({@link BlobTooLargeException}); content that ends before
   * its length is the caller's failure ({@link java.io.UncheckedIOException}), and nothing new is kept.
   *
   * @param length the declared length, or -1 when none was declared
   */
  default long put(String org, String name, InputStream content, long length, long maxBytes) {
    if (length < 0) {
      return put(org, name, content, maxBytes);
    }
    if (length > maxBytes) {
      throw new BlobTooLargeException(maxBytes);
    }
    return put(org, name, new DeclaredLengthInputStream(content, length), maxBytes);
  }

  /**
   * The blob's content to stream, or empty when there is no such blob. The caller closes the stream. Reading it may
   * fail mid-way (an {@code IOException}, or a {@code StorageException}: UNAVAILABLE, or CONFLICT when the blob was
   * replaced meanwhile and the store cannot finish the old content); a read that would mix two versions fails before
   * it hands out its last bytes.
   */
  Optional<BlobContent> get(String org, String name);

  /** Removes the blob; false when there was none. */
  boolean delete(String org, String name);

  /** Removes every blob whose name starts with {@code prefix}; answers how many. */
  int deleteByPrefix(String org, String prefix);

  /**
   * Every blob of every app owner last written before {@code olderThan}, read lazily as the stream is consumed, in
   * no particular order; consuming it may fail with {@link BlobStoreUnavailableException}. A put under way is not
   * listed: its blob appears only once its whole content is written.
   */
  Stream<StoredBlob> list(Instant olderThan);

  /**
   * Removes what puts interrupted by a crash left behind before {@code olderThan}, never a blob; answers how many.
   * The file system store leaves temporary files; Azure discards uncommitted blocks itself (after a week).
   */
  int removeAbandonedWrites(Instant olderThan);

  /** An open blob: its bytes and its length. */
  record BlobContent(InputStream stream, long size) {}

  /** A blob as listed: its owner, its name and when its content was last written. */
  record StoredBlob(String org, String name, Instant lastModified) {}
}
