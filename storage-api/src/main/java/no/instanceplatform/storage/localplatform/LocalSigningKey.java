package no.instanceplatform.storage.localplatform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key the local platform signs test tokens with. It is created at first start and kept as a JWK file, so
 * tokens stay valid across restarts and clients may cache the published key.
 */
public final class LocalSigningKey {

  private final RSAKey key;

  private LocalSigningKey(RSAKey key) {
    this.key = key;
  }

  /** Reads the key from {@code file}, or creates it there. */
  public static LocalSigningKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        RSAKey stored = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!stored.isPrivate()) {
          throw new IllegalStateException("The local signing key " + file.toAbsolutePath()
              + " holds only a public key; it needs the private key to sign tokens");
        }
        return new LocalSigningKey(stored);
      }
      RSAKey created = new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
      write(file, created);
      return new LocalSigningKey(created);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the local signing key " + file.toAbsolutePath(), e);
    } catch (ParseException e) {
      throw new IllegalStateException("The local signing key " + file.toAbsolutePath() + " is not an RSA JWK", e);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot create an RSA signing key", e);
    }
  }

  /** The private key, for signing. */
  public RSAKey privateJwk() {
    return key;
  }

  /** The public half, for publishing and validating. */
  public RSAKey publicJwk() {
    return key.toPublicJWK();
  }

  /** Written to a temporary file first and moved into place, so a crash never leaves half a key. */
  private static void write(Path file, RSAKey key) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "signing-key", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file keeps the directory's permissions.
    }
    Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
