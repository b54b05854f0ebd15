package no.instanceplatform.storage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request without a valid token with a 401 problem and a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750). The reason is put in our own words: the token library's messages never reach the caller.
 */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final JsonMapper json;

  ProblemAuthenticationEntryPoint(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String detail = detailOf(e);
    boolean tokenPresented = e instanceof OAuth2AuthenticationException;
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenPresented
        ? "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"" : "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", Problems.typeFor(HttpStatus.UNAUTHORIZED).toString());
    problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
    problem.put("status", HttpStatus.UNAUTHORIZED.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String detailOf(AuthenticationException e) {
    if (!(e instanceof OAuth2AuthenticationException oauth)) {
      return "A bearer token is required: send 'Authorization: Bearer {token}'.";
    }
    String description = oauth.getError().getDescription() == null ? ""
        : oauth.getError().getDescription().toLowerCase(Locale.ROOT);
    if (description.contains("expired")) {
      return "The bearer token has expired.";
    }
    if (description.contains("used before")) {
      return "The bearer token is not valid yet.";
    }
    if (description.contains("iss claim")) {
      return "The bearer token was not issued by a trusted issuer.";
    }
    if (e instanceof InvalidBearerTokenException && description.startsWith("the token")) {
      return oauth.getError().getDescription();
    }
    return "The bearer token is malformed, or its signature or algorithm is not accepted.";
  }
}
