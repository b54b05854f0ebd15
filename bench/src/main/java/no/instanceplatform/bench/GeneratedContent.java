package no.instanceplatform.bench;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@code size} pseudo-random bytes made as they are read, the same for the same seed: a file of any size that is
 * never held in memory (64 KiB at a time). The bytes come from SplitMix64, fast enough (over 1 GB/s) not to bound
 * what it feeds, and incompressible, so no layer on the way can shrink them.
 */
final class GeneratedContent extends InputStream {

  private static final int CHUNK = 64 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long size;
  private final byte[] chunk = new byte[CHUNK];
  private long state;
  private long position;
  private int chunkPosition = CHUNK;

  GeneratedContent(long size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    this.size = size;
    this.state = seed;
  }

  /** The whole content in memory: only for sizes a benchmark keeps on its heap on purpose (up to 2 GiB). */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new GeneratedContent(size, seed).read(bytes, 0, size);
    return bytes;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int total = 0;
    while (total < length && position < size) {
      if (chunkPosition == CHUNK) {
        fill();
      }
      int n = (int) Math.min(Math.min(length - total, CHUNK - chunkPosition), size - position);
      System.arraycopy(chunk, chunkPosition, buffer, offset + total, n);
      chunkPosition += n;
      position += n;
      total += n;
    }
    return total;
  }

  @Override
  public long skip(long n) {
    // Skipped bytes are generated too, so that what follows is the same as if they had been read.
    long skipped = 0;
    byte[] discard = new byte[CHUNK];
    while (skipped < n) {
      int read = read(discard, 0, (int) Math.min(CHUNK, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public void close() {
    // Nothing to release.
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.min(size - position, CHUNK - chunkPosition));
  }

  private void fill() {
    for (int i = 0; i < CHUNK; i += Long.BYTES) {
      LONGS.set(chunk, i, next());
    }
    chunkPosition = 0;
  }

  /** SplitMix64 (Steele, Lea and Flood). */
  private long next() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
