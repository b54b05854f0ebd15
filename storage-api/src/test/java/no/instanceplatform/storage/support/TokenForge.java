package no.instanceplatform.storage.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import no.instanceplatform.storage.localplatform.LocalSigningKey;
import no.instanceplatform.storage.localplatform.LocalTokenIssuer;

/** Makes the bad tokens a hostile or careless client sends, from a good one. */
public final class TokenForge {

  private final LocalTokenIssuer issuer;
  private final LocalSigningKey key;

  public TokenForge(LocalTokenIssuer issuer, LocalSigningKey key) {
    this.issuer = issuer;
    this.key = key;
  }

  /** The same claims, signed by a key Storage does not trust, under the trusted key's id. */
  public String signedByAnotherKey(String token) {
    try {
      RSAKey other = new RSAKeyGenerator(2048).keyID(key.privateJwk().getKeyID()).generate();
      return signed(claims(token), new RSASSASigner(other), JWSAlgorithm.RS256, other.getKeyID());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same claims, signed by the trusted key under an unknown key id. */
  public String withUnknownKeyId(String token) {
    try {
      return signed(claims(token), new RSASSASigner(key.privateJwk()), JWSAlgorithm.RS256, "unknown-kid");
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same claims, HMAC-signed with the public key's bytes: the classic algorithm confusion attack. */
  public String hs256WithThePublicKey(String token) {
    try {
      byte[] secret = key.publicJwk().toRSAPublicKey().getEncoded();
      return signed(claims(token), new MACSigner(secret), JWSAlgorithm.HS256, key.privateJwk().getKeyID());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same claims, unsigned ({@code alg: none}). */
  public String unsigned(String token) {
    return new PlainJWT(claims(token)).serialize();
  }

  /** Valid claims that expired {@code ago}. */
  public String expired(String token, Duration ago) {
    Instant expiry = Instant.now().minus(ago);
    return issuer.sign(new JWTClaimsSet.Builder(claims(token))
        .issueTime(Date.from(expiry.minus(Duration.ofHours(1))))
        .notBeforeTime(Date.from(expiry.minus(Duration.ofHours(1))))
        .expirationTime(Date.from(expiry))
        .build());
  }

  /** Valid claims that are not valid until {@code in}. */
  public String notYetValid(String token, Duration in) {
    return issuer.sign(new JWTClaimsSet.Builder(claims(token)).notBeforeTime(Date.from(Instant.now().plus(in))).build());
  }

  /** The same claims without an expiry: a token that would be valid for ever. */
  public String withoutExpiry(String token) {
    return issuer.sign(new JWTClaimsSet.Builder(claims(token)).expirationTime(null).build());
  }

  /** The same claims from another issuer, signed by the trusted key. */
  public String fromIssuer(String token, String otherIssuer) {
    return issuer.sign(new JWTClaimsSet.Builder(claims(token)).issuer(otherIssuer).build());
  }

  /** A token with the trusted signature but no Altinn identity. */
  public String withoutIdentity(String token) {
    JWTClaimsSet claims = claims(token);
    return issuer.sign(new JWTClaimsSet.Builder()
        .issuer(claims.getIssuer())
        .issueTime(claims.getIssueTime())
        .notBeforeTime(claims.getNotBeforeTime())
        .expirationTime(claims.getExpirationTime())
        .subject("nobody")
        .build());
  }

  /** The signed token with one claim changed in its payload, signature kept. */
  public String tamperedPayload(String token, String claim, String value) {
    String[] parts = token.split("\\.");
    String payload = new JWTClaimsSet.Builder(claims(token)).claim(claim, value).build().toString();
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
    return parts[0] + "." + encoded + "." + parts[2];
  }

  private static String signed(JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer, JWSAlgorithm algorithm,
      String keyId) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalArgumentException("Not a signed JWT", e);
    }
  }
}
