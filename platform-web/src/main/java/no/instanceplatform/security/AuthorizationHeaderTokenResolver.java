package no.instanceplatform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header, and only from there, as Spring Security's
 * {@link DefaultBearerTokenResolver} does with its defaults (no token in the query or in a form body), with the same
 * answers: no token when the header does not start with {@code bearer} (in any case), the token when the header is
 * {@code Bearer <token>} (the scheme in any case) with the token of RFC 6750's characters, and "Bearer token is
 * malformed" otherwise. The default resolver matches the header with a case-insensitive regular expression, which
 * walks the token (1-2 KB) character by character through a union of character classes: about 4% of the CPU samples
 * of a request that creates or reads an instance in Storage (docs/PERFORMANCE.md). This checks the same characters
 * in one loop.
 */
final class AuthorizationHeaderTokenResolver implements BearerTokenResolver {

  private static final String SCHEME = "Bearer ";

  @Override
  public String resolve(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
      return null;
    }
    int start = SCHEME.length();
    if (authorization.length() <= start || !authorization.regionMatches(true, 0, SCHEME, 0, start)) {
      throw malformed();
    }
    int end = authorization.length();
    int i = start;
    while (i < end && isTokenCharacter(authorization.charAt(i))) {
      i++;
    }
    if (i == start) {
      throw malformed();
    }
    while (i < end && authorization.charAt(i) == '=') {
      i++;
    }
    if (i != end) {
      throw malformed();
    }
    return authorization.substring(start);
  }

  /** RFC 6750's b64token characters but the trailing {@code =}: {@code [a-zA-Z0-9-._~+/]}. */
  private static boolean isTokenCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }

  private static OAuth2AuthenticationException malformed() {
    return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
  }
}
