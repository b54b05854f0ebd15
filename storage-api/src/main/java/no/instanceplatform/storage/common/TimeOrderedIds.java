package no.instanceplatform.storage.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs that sort in the order they were made (RFC 9562 version 7: milliseconds, then a counter, then random bits).
 * Events are listed by time, and several events made in the same millisecond must keep the order they were
 * recorded in; ordering by (time, id) with these ids does that.
 */
public final class TimeOrderedIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int COUNTER_BITS = 12;
  private static final int COUNTER_LIMIT = 1 << COUNTER_BITS;

  private static long lastMillis;
  private static int counter;

  private TimeOrderedIds() {}

  public static String next() {
    long millis;
    int sequence;
    synchronized (TimeOrderedIds.class) {
      millis = Math.max(System.currentTimeMillis(), lastMillis);
      if (millis == lastMillis) {
        counter++;
        if (counter == COUNTER_LIMIT) {
          millis++;
          counter = 0;
        }
      } else {
        counter = 0;
      }
      lastMillis = millis;
      sequence = counter;
    }
    long mostSignificant = (millis << 16) | (0x7L << 12) | sequence;
    long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(mostSignificant, leastSignificant).toString();
  }
}
