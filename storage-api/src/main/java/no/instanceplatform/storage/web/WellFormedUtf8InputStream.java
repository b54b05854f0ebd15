package no.instanceplatform.storage.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (Unicode's table 3-7): no stray continuation
 * byte, no truncated sequence, no overlong form, no surrogate, nothing past U+10FFFF. Jackson's byte parser decodes
 * some of these instead of refusing them (an overlong {@code C0 AF} becomes {@code /}), which would let a body say
 * one thing to a check on bytes and another once decoded. A malformed sequence fails the read with
 * {@link MalformedInputException}.
 */
final class WellFormedUtf8InputStream extends FilterInputStream {

  private int continuationBytes;
  private int lowest = 0x80;
  private int highest = 0xBF;

  WellFormedUtf8InputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      endOfInput();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      endOfInput();
    }
    for (int i = 0; i < n; i++) {
      check(buffer[offset + i] & 0xFF);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Every byte must pass the check, so skipping reads.
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  private void check(int b) throws MalformedInputException {
    if (continuationBytes > 0) {
      if (b < lowest || b > highest) {
        throw new MalformedInputException(1);
      }
      continuationBytes--;
      lowest = 0x80;
      highest = 0xBF;
      return;
    }
    if (b <= 0x7F) {
      return;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      continuationBytes = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      continuationBytes = 2;
      lowest = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
      highest = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
    } else if (b >= 0xF0 && b <= 0xF4) {
      continuationBytes = 3;
      lowest = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
      highest = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be past U+10FFFF
    } else {
      throw new MalformedInputException(1); // 80..C1 and F5..FF never start a character
    }
  }

  private void endOfInput() throws MalformedInputException {
    if (continuationBytes > 0) {
      throw new MalformedInputException(1);
    }
  }
}
