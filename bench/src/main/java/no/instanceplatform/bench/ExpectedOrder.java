package no.instanceplatform.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The instances one query matches, in the order the API must page them: {@code lastChanged} descending, then the
 * instance guid descending (the keyset tie-break). Built by the loader from what it wrote, so the pages the API
 * answers are checked against an order computed without the API or the store.
 */
final class ExpectedOrder {

  /** An instance's place in the order: its lastChanged (epoch milliseconds) and its guid. */
  record Key(long lastChanged, String guid) {}

  private static final Comparator<Key> API_ORDER = Comparator.comparingLong(Key::lastChanged)
      .thenComparing(Key::guid).reversed();

  private final List<Key> keys = new ArrayList<>();
  private boolean sorted;

  synchronized void add(long lastChangedMillis, String guid) {
    keys.add(new Key(lastChangedMillis, guid));
    sorted = false;
  }

  synchronized int size() {
    return keys.size();
  }

  /** The guids at positions [from, from + count) of the order (0-based), fewer at the end. */
  synchronized List<String> slice(long from, int count) {
    if (!sorted) {
      // A guid is ASCII (hex and dashes), so String order is MongoDB's binary string order.
      keys.sort(API_ORDER);
      sorted = true;
    }
    int start = (int) Math.min(from, keys.size());
    int end = (int) Math.min(from + count, keys.size());
    return keys.subList(start, end).stream().map(Key::guid).toList();
  }

  /** The instance at {@code index} of the order (0-based): the keyset position a page after it starts from. */
  synchronized Key keyAt(long index) {
    slice(0, 0);
    return keys.get(Math.toIntExact(index));
  }

  /** The 1-based position of an instance in the order, 0 when it is not in it. */
  synchronized long positionOf(String guid) {
    slice(0, 0);
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).guid().equals(guid)) {
        return i + 1L;
      }
    }
    return 0;
  }

  /** How many instances share their lastChanged millisecond with another: the ties the tie-break must order. */
  synchronized int tied() {
    slice(0, 0);
    int tied = 0;
    for (int i = 0; i < keys.size(); i++) {
      boolean sameAsPrevious = i > 0 && keys.get(i - 1).lastChanged() == keys.get(i).lastChanged();
      boolean sameAsNext = i + 1 < keys.size() && keys.get(i + 1).lastChanged() == keys.get(i).lastChanged();
      if (sameAsPrevious || sameAsNext) {
        tied++;
      }
    }
    return tied;
  }
}
