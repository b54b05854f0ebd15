package no.instanceplatform.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The content of a blob being written, counted as it is read: a byte beyond the limit throws
 * {@link BlobTooLargeException}, so a store stops before it keeps anything of an oversized blob.
 */
public final class LimitedInputStream extends CountedInputStream {

  private final long maxBytes;
  private long count;

  public LimitedInputStream(InputStream content, long maxBytes) {
    super(content);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The bytes read so far. */
  public long count() {
    return count;
  }

  /**
   * Reads until the buffer is full or the content ends, and answers how many bytes it read (fewer than the buffer
   * holds only at the end). A failure to read the content is the caller's (a client that went away), not the
   * store's: it is rethrown as {@link UncheckedIOException}.
   */
  public int readFully(byte[] buffer) {
    try {
      return readNBytes(buffer, 0, buffer.length);
    } catch (IOException e) {
      throw new UncheckedIOException("The content could not be read", e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  private void counted(int n) {
    count += n;
    if (count > maxBytes) {
      throw new BlobTooLargeException(maxBytes);
    }
  }
}
