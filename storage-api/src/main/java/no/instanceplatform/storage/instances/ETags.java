package no.instanceplatform.storage.instances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;
import org.springframework.http.ResponseEntity;

/**
 * Entity tags of instances and data elements, which change with every change of what is stored about them, so a
 * client can make its write conditional on the state it read.
 *
 * <p>An instance's tag is its stored version, which every write of the instance increments in the same atomic
 * update that changes it (and nothing else writes an instance), with its {@code lastChanged}: a restored backup may
 * bring back a version number with another state, and then the time differs too. It replaced a SHA-256 of the whole
 * instance's text, which cost a tenth of the CPU time of a read. A data element's tag stays a digest of the element
 * (links left out, since they follow configuration): the instance's version moves with every other element's
 * change, and a tag of the element must not.
 */
public final class ETags {

  private ETags() {}

  public static String of(StoredInstance stored) {
    Instant lastChanged = stored.instance().lastChanged();
    return "\"" + stored.version() + "-" + (lastChanged == null ? 0 : lastChanged.toEpochMilli()) + "\"";
  }

  public static String of(DataElement element) {
    return quoted(element.withSelfLinks(null).toString());
  }

  /** The instance as an answer, with its tag. */
  public static ResponseEntity<Instance> answer(StoredInstance stored) {
    return ResponseEntity.ok().eTag(of(stored)).body(stored.instance());
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
