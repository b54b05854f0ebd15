package no.instanceplatform.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A validly signed token whose Altinn claims name no caller. Its own type, so that the 401 answer can quote our
 * message, which (unlike the token library's) is safe to show.
 */
final class CallerClaimsException extends InvalidBearerTokenException {

  CallerClaimsException(String description) {
    super(description);
  }
}
