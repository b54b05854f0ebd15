package no.instanceplatform.storage.localplatform;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.storage.StorageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Wires the local platform: its test data, its signing key and token issuer, and the token decoder that trusts
 * that key (in process, so Storage need not call itself for its own keys).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class LocalPlatformConfiguration {

  static final String OPENID_PATH = "/authentication/api/v1/openid/";

  @Bean
  LocalTestData localTestData() {
    return LocalTestData.load();
  }

  @Bean
  LocalSigningKey localSigningKey(LocalPlatformProperties properties, StorageProperties storage) {
    Path file = properties.signingKeyFile() != null ? properties.signingKeyFile()
        : storage.dataDir().resolve("local-platform").resolve("signing-key.jwk.json");
    return LocalSigningKey.loadOrCreate(file);
  }

  @Bean
  LocalTokenIssuer localTokenIssuer(LocalSigningKey key, LocalPlatformProperties properties,
      StorageProperties storage, Clock clock) {
    String issuer = stripSlash(storage.platformBaseUrl()) + OPENID_PATH;
    return new LocalTokenIssuer(key, issuer, properties.tokenLifetime(), clock);
  }

  /**
   * Keys are matched by key id, as a JWKS-based decoder in production does: a token naming another key fails. The
   * validator beans are added as Boot adds them to its own decoder in production.
   */
  @Bean
  JwtDecoder localJwtDecoder(LocalSigningKey key, LocalTokenIssuer issuer,
      List<OAuth2TokenValidator<Jwt>> additionalValidators) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.publicJwk())))
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(additionalValidators);
    validators.addFirst(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
