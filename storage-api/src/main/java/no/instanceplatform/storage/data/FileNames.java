package no.instanceplatform.storage.data;

import no.instanceplatform.storage.common.StorageException;

/**
 * The file names Storage keeps for data elements. A name is the client's text, kept exactly (path separators and
 * dots included: it never becomes a path, the blob's is Storage's own), but one no file system could hold is
 * refused: control characters, which a client would also copy into headers and logs, or more than 255 characters.
 */
final class FileNames {

  static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The name, if it may be kept; null stays null. */
  static String require(String name) {
    if (name == null) {
      return null;
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw StorageException.invalid("The file name contains control characters.");
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw StorageException.invalid("The file name is longer than " + MAX_LENGTH + " characters.");
    }
    return name;
  }
}
