package no.instanceplatform.storage.instances;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.security.Caller;

/**
 * The {@code Idempotency-Key} of a create (the IETF HTTP header of that name): a client that lost the answer to a
 * create sends it again with the same key and gets the instance the first one made, not a second. The key decides
 * the instance's guid, together with the caller, the app and the owner, so the store's unique {@code _id} is what
 * makes a repeat find the first, on MongoDB and on the emulator alike, even when the two race.
 */
record IdempotencyKey(String value) {

  static final String HEADER = "Idempotency-Key";
  private static final int MAX_LENGTH = 255;

  /** The key of a request, if it sent one. */
  static Optional<IdempotencyKey> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw StorageException.invalid("The " + HEADER + " header must be 1 to " + MAX_LENGTH
          + " visible ASCII characters.");
    }
    return Optional.of(new IdempotencyKey(header));
  }

  /** The guid of the instance this caller creates with this key for this owner of this app. */
  String instanceGuid(Caller caller, AppId appId, String partyId) {
    String name = String.join("\n", caller.id(), appId.toString(), partyId, value);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
