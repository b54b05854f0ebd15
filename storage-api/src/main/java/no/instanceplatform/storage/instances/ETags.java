package no.instanceplatform.storage.instances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;

/**
 * Entity tags of instances and data elements: a digest of everything stored about them (links left out, since they
 * follow configuration), so the tag changes with every change and a client can make its write conditional on it.
 */
public final class ETags {

  private ETags() {}

  public static String of(Instance instance) {
    return quoted(instance.withSelfLinks(null).withData(instance.data() == null ? null
        : instance.data().stream().map(element -> element.withSelfLinks(null)).toList()).toString());
  }

  public static String of(DataElement element) {
    return quoted(element.withSelfLinks(null).toString());
  }

  /** Whether an {@code If-Match} header (a tag, a list of tags, or {@code *}) matches the current tag. */
  static boolean matches(String ifMatch, String current) {
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(current)) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String state) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
