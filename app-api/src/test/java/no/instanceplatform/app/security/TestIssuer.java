package no.instanceplatform.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A tiny token issuer for tests: OpenID discovery and a JWKS on a loopback port, as the local platform publishes
 * them, and tokens with Altinn's claims signed by its RSA key.
 */
public final class TestIssuer implements AutoCloseable {

  static final String OPENID_PATH = "/authentication/api/v1/openid/";

  private final RSAKey key;
  private final int port;
  private HttpServer server;

  private TestIssuer(RSAKey key, int port) {
    this.key = key;
    this.port = port;
  }

  /** A key and an address, without serving anything yet: an issuer that is down. */
  public static TestIssuer notStarted(int port) {
    return new TestIssuer(newKey(), port);
  }

  /** An issuer serving its discovery document and keys on a free loopback port. */
  public static TestIssuer start() {
    TestIssuer issuer = new TestIssuer(newKey(), 0);
    issuer.serve(0);
    return issuer;
  }

  /** Starts serving at the address given to {@link #notStarted(int)}. */
  public TestIssuer serve() {
    serve(port);
    return this;
  }

  public String issuerUri() {
    return "http://127.0.0.1:" + (server != null ? server.getAddress().getPort() : port) + OPENID_PATH;
  }

  public RSAKey key() {
    return key;
  }

  /** A user token as LocalTest issues it: claim values as strings. */
  public String userToken(int userId, int partyId, int authenticationLevel) {
    return sign(valid()
        .subject(Integer.toString(userId))
        .claim("urn:altinn:userid", Integer.toString(userId))
        .claim("urn:altinn:partyid", Integer.toString(partyId))
        .claim("urn:altinn:authlevel", Integer.toString(authenticationLevel))
        .build());
  }

  /** An app owner token as Maskinporten and LocalTest issue it: scopes space separated. */
  public String orgToken(String org, String orgNumber, String scopes) {
    return sign(valid()
        .subject(org)
        .claim("urn:altinn:org", org)
        .claim("urn:altinn:orgNumber", orgNumber)
        .claim("urn:altinn:authlevel", "3")
        .claim("scope", scopes)
        .build());
  }

  /** Claims that pass every check: this issuer, issued now, valid for an hour. */
  public JWTClaimsSet.Builder valid() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuerUri())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** Signs with this issuer's key, RS256, naming the key. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, JWSAlgorithm.RS256, key, key.getKeyID());
  }

  /** Signs with any RSA key, algorithm and key id, to make the tokens that must be refused. */
  public static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, RSAKey signingKey, String keyId) {
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * A key published without {@code alg}, as many issuers publish theirs: the decoder then accepts what it is told to,
   * not what the key says, and the tests see whether RS256 alone is accepted.
   */
  public static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void serve(int onPort) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    if (path.endsWith("/.well-known/openid-configuration/jwks")) {
      body = new JWKSet(key.toPublicJWK()).toString();
    } else if (path.endsWith("/.well-known/openid-configuration")) {
      body = discovery();
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String discovery() {
    String issuer = issuerUri();
    return """
        {"issuer":"%s","jwks_uri":"%s","response_types_supported":["token"],"subject_types_supported":["public"],\
        "id_token_signing_alg_values_supported":["RS256"]}"""
        .formatted(issuer, issuer + ".well-known/openid-configuration/jwks");
  }
}
