package no.instanceplatform.storage.blob;

import java.util.regex.Pattern;

/**
 * The rules every blob store applies to app owners and blob names, so that a name can never reach outside its
 * owner's blobs: an org is {@code [a-zæøå][a-zæøå0-9]*}; a name is segments of {@code [A-Za-z0-9._-]} (not
 * {@code .} or {@code ..}) joined by single slashes, with no slash at either end. Storage generates the names, so
 * a name that breaks a rule is a bug: {@link IllegalArgumentException}, never a client error.
 */
public final class BlobNames {

  /** Azure's limit on a blob name. */
  public static final int MAX_NAME_LENGTH = 1024;

  /**
   * A file system holds at most 255 bytes in a file name, and the file system store writes a blob first to a
   * temporary file whose name is the blob's last segment plus 45 characters.
   */
  public static final int MAX_SEGMENT_LENGTH = 200;

  private static final Pattern ORG = Pattern.compile("[a-zæøå][a-zæøå0-9]*");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern PARTIAL_SEGMENT = Pattern.compile("[A-Za-z0-9._-]*");

  private BlobNames() {}

  /** The org, if it is an app owner's name. */
  public static String requireOrg(String org) {
    if (!isOrg(org)) {
      throw new IllegalArgumentException("Not an app owner's name: " + printable(org));
    }
    return org;
  }

  /** Whether the text is an app owner's name. */
  public static boolean isOrg(String org) {
    return org != null && ORG.matcher(org).matches();
  }

  /** The name, if it is a valid blob name. */
  public static String requireName(String name) {
    if (!isName(name)) {
      throw new IllegalArgumentException("Not a valid blob name: " + printable(name));
    }
    return name;
  }

  /** Whether the name is a valid blob name. */
  public static boolean isName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    for (String segment : name.split("/", -1)) {
      if (!isSegment(segment)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The prefix, if it can start a blob name: whole segments, then a last one that may be partial or empty (a
   * trailing slash). An empty prefix is refused: it would name every blob of the owner.
   */
  public static String requirePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("Not a valid blob name prefix: " + printable(prefix));
    }
    String[] segments = prefix.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean valid = i < segments.length - 1 ? isSegment(segment)
          : PARTIAL_SEGMENT.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..")
              && segment.length() <= MAX_SEGMENT_LENGTH;
      if (!valid) {
        throw new IllegalArgumentException("Not a valid blob name prefix: " + printable(prefix));
      }
    }
    return prefix;
  }

  private static boolean isSegment(String segment) {
    return segment.length() <= MAX_SEGMENT_LENGTH && SEGMENT.matcher(segment).matches() && !segment.equals(".")
        && !segment.equals("..");
  }

  /** The value quoted, with control characters escaped, for a message that may end up in a log. */
  private static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder("\"");
    value.codePoints().limit(MAX_NAME_LENGTH).forEach(c -> {
      if (Character.isISOControl(c)) {
        quoted.append(String.format("\\u%04x", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('"').toString();
  }
}
