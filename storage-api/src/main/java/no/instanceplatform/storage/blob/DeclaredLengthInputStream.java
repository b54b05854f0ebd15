package no.instanceplatform.storage.blob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content of a length declared before its first byte (a request's Content-Length): it ends there, and content that
 * ends sooner fails its last read with an {@link EOFException}, so that a store never takes a truncated upload for
 * a whole one.
 */
public final class DeclaredLengthInputStream extends CountedInputStream {

  private final long length;
  private long count;

  public DeclaredLengthInputStream(InputStream content, long length) {
    super(content);
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    this.length = length;
  }

  /** The declared length. */
  public long length() {
    return length;
  }

  @Override
  public int read(byte[] buffer, int offset, int max) throws IOException {
    if (max == 0) {
      return 0;
    }
    if (count == length) {
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(max, length - count));
    if (n < 0) {
      throw endedEarly();
    }
    count += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), length - count);
  }

  private EOFException endedEarly() {
    return new EOFException("The content ended after " + count + " of its declared " + length + " bytes");
  }
}
