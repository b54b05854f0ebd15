package no.instanceplatform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Boot finds the issuer's keys lazily, at the first token; while the issuer is out of reach that look-up fails with
 * an exception Spring Security does not expect, which would escape as a 500. Turned into a {@link JwtException}
 * it is reported like keys out of reach later on (503), and the look-up is tried again at the next token.
 */
final class IssuerFailureJwtDecoder implements JwtDecoder {

  private final JwtDecoder delegate;

  IssuerFailureJwtDecoder(JwtDecoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Jwt decode(String token) {
    try {
      return delegate.decode(token);
    } catch (JwtDecoderInitializationException e) {
      throw new JwtException("The token issuer's configuration could not be resolved", e);
    }
  }
}
