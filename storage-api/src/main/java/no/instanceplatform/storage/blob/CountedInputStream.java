package no.instanceplatform.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content whose every byte passes through {@link #read(byte[], int, int)}, to be counted there: skipped bytes are
 * read, and mark/reset is refused, since a reset would count bytes twice.
 */
abstract class CountedInputStream extends FilterInputStream {

  CountedInputStream(InputStream content) {
    super(content);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] buffer, int offset, int length) throws IOException;

  @Override
  public long skip(long n) throws IOException {
    byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {
    // Not supported: see the class comment.
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
