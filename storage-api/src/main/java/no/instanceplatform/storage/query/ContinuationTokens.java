package no.instanceplatform.storage.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.Keyset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Continuation tokens: the position after the last instance of a page, the total the first page counted, and the
 * query they belong to, signed (HMAC-SHA256) so that a client can neither forge a position nor reuse a token with
 * another query. Opaque to clients: base64url of the JSON, a dot, base64url of the signature.
 */
@Component
public class ContinuationTokens {

  private static final Logger log = LoggerFactory.getLogger(ContinuationTokens.class);
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final JsonMapper json;

  ContinuationTokens(QueryProperties properties, JsonMapper json) {
    this.json = json;
    byte[] secret = properties.continuationSecret().getBytes(StandardCharsets.UTF_8);
    if (secret.length == 0) {
      log.warn("No storage.query.continuation-secret is set: continuation tokens are signed with a random key and "
          + "work only on this process until it restarts. Set one shared by every replica.");
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
    }
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** What a token carries. */
  public record Position(Keyset after, long totalHits) {}

  private record Payload(String q, long lc, String id, long n) {}

  public String issue(String fingerprint, Keyset after, long totalHits) {
    Payload payload = new Payload(digest(fingerprint), after.at().toEpochMilli(), after.id(),
        totalHits);
    byte[] body = json.writeValueAsBytes(payload);
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
  }

  /** The position a token names, if it is ours, unaltered, and issued for this query. */
  public Position read(String token, String fingerprint) {
    int dot = token.indexOf('.');
    try {
      if (dot < 1) {
        throw invalid();
      }
      byte[] body = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(body), signature)) {
        throw invalid();
      }
      Payload payload = json.readValue(body, Payload.class);
      if (!digest(fingerprint).equals(payload.q())) {
        throw StorageException.invalid("The continuationToken belongs to another query: keep every filter of the "
            + "query it came from.");
      }
      return new Position(new Keyset(Instant.ofEpochMilli(payload.lc()), payload.id()), payload.n());
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
    }
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(body), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String digest(String fingerprint) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(Arrays.copyOf(hash, 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static StorageException invalid() {
    return StorageException.invalid("The continuationToken is not valid: use the next link of the previous page.");
  }
}
