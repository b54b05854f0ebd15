package no.instanceplatform.security;

import no.instanceplatform.web.ProblemResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers an authenticated caller whom the security rules refuse with a 403 problem and the RFC 6750
 * {@code insufficient_scope} challenge, in our own words.
 */
@Component
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  static final String DETAIL = "The bearer token does not allow this request.";

  private final ProblemResponses problems;

  ProblemAccessDeniedHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.bearerChallenge("insufficient_scope", DETAIL));
    problems.write(request, response, HttpStatus.FORBIDDEN, DETAIL);
  }
}
