package no.instanceplatform.storage.localplatform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

/**
 * Issues RS256 tokens with Altinn's claims, as LocalTest does: for a test user (userid, username, partyid,
 * authlevel) and for an app owner (org, orgNumber, scope).
 */
public class LocalTokenIssuer {

  private final LocalSigningKey key;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;

  public LocalTokenIssuer(LocalSigningKey key, String issuer, Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public String issuer() {
    return issuer;
  }

  public String userToken(LocalTestData.User user, int authenticationLevel) {
    return sign(base()
        .subject(Integer.toString(user.userId()))
        .claim("nameid", Integer.toString(user.userId()))
        .claim("urn:altinn:userid", Integer.toString(user.userId()))
        .claim("urn:altinn:username", user.userName())
        .claim("urn:altinn:partyid", user.partyId())
        .claim("urn:altinn:authenticatemethod", "Mock")
        .claim("urn:altinn:authlevel", Integer.toString(authenticationLevel))
        .build());
  }

  public String orgToken(String org, String orgNumber, Collection<String> scopes, int authenticationLevel) {
    JWTClaimsSet.Builder claims = base()
        .subject(org)
        .claim("urn:altinn:org", org)
        .claim("urn:altinn:authenticatemethod", "maskinporten")
        .claim("urn:altinn:authlevel", Integer.toString(authenticationLevel))
        .claim("scope", String.join(" ", scopes));
    if (orgNumber != null && !orgNumber.isBlank()) {
      claims.claim("urn:altinn:orgNumber", orgNumber);
    }
    return sign(claims.build());
  }

  /** Signs any claims with the local key: what tests use to make expired or otherwise odd tokens. */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(key.privateJwk().getKeyID())
        .type(JOSEObjectType.JWT)
        .build(), claims);
    try {
      jwt.sign(new RSASSASigner(key.privateJwk()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token with the local key", e);
    }
    return jwt.serialize();
  }

  private JWTClaimsSet.Builder base() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)));
  }
}
