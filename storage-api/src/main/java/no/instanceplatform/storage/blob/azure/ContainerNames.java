package no.instanceplatform.storage.blob.azure;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import no.instanceplatform.storage.blob.BlobNames;

/** How orgs map to Azure container names (one container per org) and back. */
final class ContainerNames {

  private static final Pattern PLAIN_CONTAINER_NAME = Pattern.compile("[a-z][a-z0-9]{2,62}");
  private static final String ENCODED_CONTAINER_PREFIX = "org-";
  private static final int MAX_CONTAINER_NAME_LENGTH = 63;

  private ContainerNames() {}

  /**
   * The container of an org: the org itself when Azure allows it as a container name (3 to 63 of a-z and 0-9);
   * otherwise (shorter, or with æøå) {@code org-} and the hex of its UTF-8 bytes. No org contains a hyphen, so the
   * two kinds of names cannot meet.
   */
  static String containerOf(String org) {
    BlobNames.requireOrg(org);
    if (PLAIN_CONTAINER_NAME.matcher(org).matches()) {
      return org;
    }
    String encoded = ENCODED_CONTAINER_PREFIX + HexFormat.of().formatHex(org.getBytes(StandardCharsets.UTF_8));
    if (encoded.length() > MAX_CONTAINER_NAME_LENGTH) {
      throw new IllegalArgumentException("The app owner " + org + " has no Azure container name: too long");
    }
    return encoded;
  }

  /**
   * The org whose container this is, the reverse of {@link #containerOf}; empty for a container Storage did not
   * make (an account may hold others), whose blobs are then never listed.
   */
  static Optional<String> orgOf(String container) {
    String org = container;
    if (container.startsWith(ENCODED_CONTAINER_PREFIX)) {
      try {
        org = new String(HexFormat.of().parseHex(container.substring(ENCODED_CONTAINER_PREFIX.length())),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notHex) {
        return Optional.empty();
      }
    }
    return BlobNames.isOrg(org) && containerOf(org).equals(container) ? Optional.of(org) : Optional.empty();
  }
}
