package no.instanceplatform.storage.blob.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import no.instanceplatform.storage.blob.DeclaredLengthInputStream;

/**
 * Content of one Put Blob, sent to Azure as it is read, its first bytes kept in a buffer as they go, so that an
 * attempt that failed within them can be sent again from the first byte. The SDK sends a body more than once only if
 * it is replayable: a stream that supports mark and reset, with its length. Any other body it sends once, and its
 * later attempts fail (with this class's mark and reset taken away, a put whose connection was reset within its
 * first block failed as unavailable: AzureBlobStoreTests).
 *
 * <p>Content longer than the buffer is handed on past it straight from the client. An attempt that fails after that
 * cannot be repeated (the client's bytes are gone): the next attempt's reset throws {@link NotReplayable}, which the
 * SDK does not retry, and the put fails with nothing stored. Most attempts that fail do so at their start (a pooled
 * connection the store had closed), within the buffer.
 *
 * <p>A failure to read the content is the caller's (a client that went away), and the content cannot be read
 * again: the read throws {@link ContentUnreadable}, which the SDK does not retry.
 */
final class ReplayableContent extends InputStream {

  private final DeclaredLengthInputStream content;
  private final byte[] buffer;
  /** Bytes of the content read into the buffer. */
  private int filled;
  /** The next byte of the buffer to hand out: below {@link #filled}, an attempt after the first is sending again. */
  private int position;
  /** Bytes handed out past the buffer, which no attempt can send again. */
  private long beyond;
  private IOException failure;

  /** Content kept whole for a repeated attempt if {@code buffer} holds its length, otherwise its first bytes. */
  ReplayableContent(DeclaredLengthInputStream content, byte[] buffer) {
    this.content = content;
    this.buffer = buffer;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (position == filled) {
      if (filled == buffer.length) {
        return readBeyond(target, offset, length);
      }
      if (!readMore(length)) {
        return -1;
      }
    }
    int n = Math.min(length, filled - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /** Reads up to {@code wanted} more bytes of the content into the buffer; false at its end. */
  private boolean readMore(int wanted) {
    int n = readContent(buffer, filled, Math.min(wanted, buffer.length - filled));
    if (n < 0) {
      return false;
    }
    filled += n;
    return true;
  }

  private int readBeyond(byte[] target, int offset, int length) {
    int n = readContent(target, offset, length);
    if (n > 0) {
      beyond += n;
    }
    return n;
  }

  private int readContent(byte[] target, int offset, int length) {
    if (failure != null) {
      throw new ContentUnreadable(failure);
    }
    try {
      return content.read(target, offset, length);
    } catch (IOException e) {
      failure = e;
      throw new ContentUnreadable(e);
    }
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  /** Every mark is at the first byte: the SDK marks a body before it sends it, and resets it for each attempt. */
  @Override
  public void mark(int readLimit) {
    // The mark is always the first byte.
  }

  @Override
  public void reset() {
    if (beyond > 0) {
      throw new NotReplayable(filled + beyond);
    }
    position = 0;
  }

  /**
   * The content could not be read: the caller's failure, not the store's. The {@link IOException} is kept aside, not
   * as the cause, so that the SDK's retry policy, which retries an {@code IOException} and anything caused by one,
   * gives up at once.
   */
  static final class ContentUnreadable extends RuntimeException {

    private final transient IOException failure;

    ContentUnreadable(IOException failure) {
      super("The content to send could not be read: " + failure, null, false, false);
      this.failure = failure;
    }

    /** The failure as the caller's ({@link no.instanceplatform.storage.blob.BlobStore#put}). */
    UncheckedIOException callersFailure() {
      return new UncheckedIOException("The content could not be read", failure);
    }
  }

  /** An attempt failed past the bytes kept: the store's failure, which no further attempt can mend. */
  static final class NotReplayable extends RuntimeException {

    NotReplayable(long sent) {
      super("An attempt failed after " + sent + " bytes of the content, more than are kept to send again", null,
          false, false);
    }
  }
}
