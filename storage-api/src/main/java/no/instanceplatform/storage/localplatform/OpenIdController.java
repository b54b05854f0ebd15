package no.instanceplatform.storage.localplatform;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** OpenID discovery of the local issuer, so that the App API and any client validate tokens the standard way. */
@RestController
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class OpenIdController {

  private static final String CONFIGURATION = LocalPlatformConfiguration.OPENID_PATH
      + ".well-known/openid-configuration";

  private final LocalTokenIssuer issuer;
  private final LocalSigningKey key;

  OpenIdController(LocalTokenIssuer issuer, LocalSigningKey key) {
    this.issuer = issuer;
    this.key = key;
  }

  @GetMapping(CONFIGURATION)
  Map<String, Object> configuration() {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("issuer", issuer.issuer());
    configuration.put("jwks_uri", issuer.issuer() + ".well-known/openid-configuration/jwks");
    configuration.put("response_types_supported", List.of("token"));
    configuration.put("subject_types_supported", List.of("public"));
    configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
    configuration.put("token_endpoint_auth_methods_supported", List.of("none"));
    return configuration;
  }

  @GetMapping(CONFIGURATION + "/jwks")
  Map<String, Object> keys() {
    return new JWKSet(key.publicJwk()).toJSONObject(true);
  }
}
