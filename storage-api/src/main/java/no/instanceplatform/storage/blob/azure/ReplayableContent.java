package no.instanceplatform.storage.blob.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import no.instanceplatform.storage.blob.DeclaredLengthInputStream;

/**
 * Content of one block sent to Azure as it is read, and kept in a buffer as it goes, so that an attempt that failed
 * can be sent again from its first byte. The SDK sends a body more than once only if it is replayable: a stream
 * that supports mark and reset, with its length; any other body it first reads whole into memory of its own.
 *
 * <p>A failure to read the content is the caller's (a client that went away), and the content cannot be read
 * again: the read throws {@link ContentUnreadable}, which the SDK does not retry.
 */
final class ReplayableContent extends InputStream {

  private final DeclaredLengthInputStream content;
  private final byte[] buffer;
  /** Bytes of the content read into the buffer. */
  private int filled;
  /** The next byte to hand out: below {@link #filled}, an attempt after the first is sending again. */
  private int position;
  private IOException failure;

  ReplayableContent(DeclaredLengthInputStream content, byte[] buffer) {
    if (content.length() > buffer.length) {
      throw new IllegalArgumentException("A buffer of " + buffer.length + " bytes cannot keep " + content.length());
    }
    this.content = content;
    this.buffer = buffer;
  }

  @Override
  public int read() {
    return position < filled || readMore(1) ? buffer[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == filled && !readMore(length)) {
      return -1;
    }
    int n = Math.min(length, filled - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /** Reads up to {@code wanted} more bytes of the content into the buffer; false at its end. */
  private boolean readMore(int wanted) {
    if (failure != null) {
      throw new ContentUnreadable(failure);
    }
    if (filled == content.length()) {
      return false;
    }
    try {
      int n = content.read(buffer, filled, Math.min(wanted, buffer.length - filled));
      if (n < 0) {
        return false;
      }
      filled += n;
      return true;
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
}
