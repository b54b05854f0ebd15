package no.instanceplatform.storage.query;

import no.instanceplatform.storage.common.StorageException;

/** The {@code size} of a page of the instance query or of an app's events: 100 unless asked, at most 1000. */
public final class PageSize {

  static final int DEFAULT = 100;
  static final int MAX = 1000;

  private PageSize() {}

  /** The size asked for ({@code null}: the default); anything but a whole number from 1 to 1000 is refused. */
  public static int parse(String value) {
    if (value == null) {
      return DEFAULT;
    }
    try {
      int size = Integer.parseInt(value.trim());
      if (size >= 1 && size <= MAX) {
        return size;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw StorageException.invalid("The size '" + value + "' is not a whole number from 1 to " + MAX + ".");
  }
}
