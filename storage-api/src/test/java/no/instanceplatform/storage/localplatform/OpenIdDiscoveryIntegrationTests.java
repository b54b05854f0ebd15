package no.instanceplatform.storage.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** OpenID discovery of the local issuer and its published key, and the signing key kept on disk. */
class OpenIdDiscoveryIntegrationTests extends IntegrationTest {

  private static final String DISCOVERY = "/authentication/api/v1/openid/.well-known/openid-configuration";
  private static final String JWKS = DISCOVERY + "/jwks";

  @Test
  void theDiscoveryDocumentNamesTheIssuerItsKeysAndRs256() {
    StorageHttp.Response response = anonymous.get(DISCOVERY);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode configuration = response.json();
    String issuer = configuration.path("issuer").asString();
    assertThat(issuer).startsWith("http").endsWith("/authentication/api/v1/openid/").isEqualTo(tokens.issuer());
    assertThat(configuration.path("jwks_uri").asString())
        .isEqualTo(issuer + ".well-known/openid-configuration/jwks");
    assertThat(configuration.path("id_token_signing_alg_values_supported").isArray()).isTrue();
    assertThat(configuration.path("id_token_signing_alg_values_supported").values())
        .extracting(JsonNode::asString).containsExactly("RS256");
  }

  @Test
  void theJwksPublishesOnePublicRs256SigningKey() {
    StorageHttp.Response response = anonymous.get(JWKS);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode keys = response.json().path("keys");
    assertThat(keys.isArray()).isTrue();
    assertThat(keys.size()).isEqualTo(1);
    JsonNode key = keys.get(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("use").asString()).isEqualTo("sig");
    assertThat(key.path("alg").asString()).isEqualTo("RS256");
    assertThat(key.path("kid").asString()).isNotBlank();
    assertThat(key.path("n").asString()).isNotBlank();
    assertThat(key.path("e").asString()).isNotBlank();
  }

  @Test
  void theJwksRevealsNoPrivatePartOfTheKey() {
    JsonNode key = anonymous.get(JWKS).json().path("keys").get(0);

    for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
      assertThat(key.has(privatePart)).as("the published key has '%s'", privatePart).isFalse();
    }
  }

  @Test
  void thePublishedKeyIsTheOneTokensAreSignedWith() throws Exception {
    RSAKey published = RSAKey.parse(anonymous.get(JWKS).json().path("keys").get(0).toString());
    String token = anonymous.get("/Home/GetTestUserToken/1337").text().trim();

    com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
    assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published))).isTrue();
  }

  @Test
  void discoveryAndKeysNeedNoTokenAndIgnoreOne() {
    assertThat(anonymous.get(DISCOVERY).status()).isEqualTo(200);
    assertThat(anonymous.get(JWKS).status()).isEqualTo(200);
    assertThat(as(USER_1337).get(DISCOVERY).status()).isEqualTo(200);
    assertThat(as(APP_OWNER).get(JWKS).status()).isEqualTo(200);
  }

  /** The signing key is created once and kept, so tokens and cached keys survive a restart. */
  @Nested
  class TheSigningKeyFile {

    @TempDir
    Path directory;

    @Test
    void loadingTheSameFileTwiceGivesTheSameKey() throws Exception {
      Path file = directory.resolve("signing-key.jwk.json");

      LocalSigningKey created = LocalSigningKey.loadOrCreate(file);
      LocalSigningKey loaded = LocalSigningKey.loadOrCreate(file);

      assertThat(Files.exists(file)).isTrue();
      assertThat(loaded.publicJwk().getKeyID()).isNotBlank().isEqualTo(created.publicJwk().getKeyID());
      assertThat(loaded.publicJwk().getModulus()).isEqualTo(created.publicJwk().getModulus());
      assertThat(loaded.privateJwk().toRSAPrivateKey()).isEqualTo(created.privateJwk().toRSAPrivateKey());
    }

    @Test
    void aNewFileIsMadeInMissingDirectoriesReadableByItsOwnerOnly() throws Exception {
      Path file = directory.resolve("local-platform").resolve("nested").resolve("signing-key.jwk.json");

      LocalSigningKey.loadOrCreate(file);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      try (var leftovers = Files.list(file.getParent())) {
        assertThat(leftovers).as("no temporary file is left behind").containsExactly(file);
      }
    }

    @Test
    void theFileHoldsThePrivateKeyAndThePublicHalfOmitsIt() throws Exception {
      Path file = directory.resolve("signing-key.jwk.json");

      LocalSigningKey key = LocalSigningKey.loadOrCreate(file);

      assertThat(RSAKey.parse(Files.readString(file)).isPrivate()).isTrue();
      assertThat(key.privateJwk().isPrivate()).isTrue();
      assertThat(key.publicJwk().isPrivate()).isFalse();
      assertThat(key.publicJwk().getModulus().decodeToBigInteger().bitLength()).isGreaterThanOrEqualTo(2048);
    }

    @Test
    void aCorruptFileIsAClearError() throws Exception {
      Path file = directory.resolve("signing-key.jwk.json");
      Files.writeString(file, "{ this is not a key", StandardCharsets.UTF_8);

      assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .hasMessageContaining("not an RSA JWK");
      assertThat(Files.readString(file)).as("the corrupt file is left for the operator").isEqualTo(
          "{ this is not a key");
    }

    @Test
    void anEmptyFileIsAClearError() throws Exception {
      Path file = directory.resolve("signing-key.jwk.json");
      Files.writeString(file, "", StandardCharsets.UTF_8);

      assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aKeyFileOfAnotherKeyTypeIsAClearError() throws Exception {
      Path file = directory.resolve("signing-key.jwk.json");
      Files.writeString(file, """
          {"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA","kid":"x"}""", StandardCharsets.UTF_8);

      assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aKeyFileWithOnlyThePublicHalfIsAClearError() throws Exception {
      Path source = directory.resolve("source.jwk.json");
      Path file = directory.resolve("signing-key.jwk.json");
      Files.writeString(file, LocalSigningKey.loadOrCreate(source).publicJwk().toJSONString(),
          StandardCharsets.UTF_8);

      assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toAbsolutePath().toString());
    }
  }
}
