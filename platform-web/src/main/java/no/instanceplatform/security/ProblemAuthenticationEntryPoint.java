package no.instanceplatform.security;

import no.instanceplatform.web.ProblemResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Answers a request without a valid token with a 401 problem and a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750). The reason is put in our own words: the token library's messages never reach the caller. When the
 * token could not be checked at all because the issuer's keys are out of reach, the answer is 503 instead: the
 * token may well be valid, and the caller should try again rather than fetch a new one.
 */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  public static final String MISSING = "A bearer token is required: send 'Authorization: Bearer {token}'.";
  public static final String EXPIRED = "The bearer token has expired.";
  public static final String NO_EXPIRY = "The bearer token has no expiry (exp).";
  public static final String NOT_YET_VALID = "The bearer token is not valid yet.";
  public static final String WRONG_ISSUER = "The bearer token was not issued by a trusted issuer.";
  public static final String MALFORMED = "The bearer token is malformed, or its signature or algorithm is not accepted.";
  public static final String ISSUER_UNAVAILABLE =
      "The bearer token cannot be checked now: the token issuer's keys are out of reach. Try again shortly.";
  private static final String RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

  private final ProblemResponses problems;

  ProblemAuthenticationEntryPoint(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) {
      log.warn("Bearer token not checked, the token issuer is unavailable: {}", e.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ISSUER_UNAVAILABLE);
      return;
    }
    // The library's own account stays in the log, for the operator, at debug level: refusals are routine.
    log.debug("Bearer token refused: {}", e.getMessage());
    String detail = detailOf(e);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, e instanceof OAuth2AuthenticationException
        ? ProblemResponses.bearerChallenge("invalid_token", detail) : "Bearer");
    problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  static String detailOf(AuthenticationException e) {
    if (e instanceof CallerClaimsException ours) {
      return ours.getMessage();
    }
    if (!(e instanceof OAuth2AuthenticationException)) {
      return MISSING;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JwtValidationException invalid) {
        return detailOf(invalid);
      }
    }
    return MALFORMED;
  }

  /** The validators' descriptions are matched, never shown: they name the library and quote the token's times. */
  private static String detailOf(JwtValidationException invalid) {
    for (OAuth2Error error : invalid.getErrors()) {
      String description = error.getDescription() == null ? "" : error.getDescription().toLowerCase(Locale.ROOT);
      if (description.contains("expired")) {
        return EXPIRED;
      }
      if (description.contains("exp is required")) {
        return NO_EXPIRY;
      }
      if (description.contains("used before")) {
        return NOT_YET_VALID;
      }
      if (description.contains("iss claim")) {
        return WRONG_ISSUER;
      }
    }
    return MALFORMED;
  }
}
