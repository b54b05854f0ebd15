package no.instanceplatform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the validated token and the caller it names. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;
  private final Jwt token;

  CallerAuthentication(Caller caller, Jwt token) {
    super(List.of());
    this.caller = caller;
    this.token = token;
    setAuthenticated(true);
  }

  public Caller caller() {
    return caller;
  }

  /** The token as presented, which the App API forwards to Storage on the caller's behalf. */
  public String tokenValue() {
    return token.getTokenValue();
  }

  @Override
  public Jwt getCredentials() {
    return token;
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }
}
