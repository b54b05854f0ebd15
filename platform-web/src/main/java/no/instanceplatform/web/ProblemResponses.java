package no.instanceplatform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the servlet response, for the refusals made by the security filters before any
 * controller (and so before the message converters) is involved.
 */
@Component
public class ProblemResponses {

  private final JsonMapper json;

  public ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", Problems.typeFor(status).toString());
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    json.writeValue(response.getOutputStream(), problem);
  }

  /** A {@code WWW-Authenticate: Bearer} challenge (RFC 6750) carrying our own description. */
  public static String bearerChallenge(String error, String description) {
    return "Bearer error=\"" + error + "\", error_description=\"" + description.replace("\"", "'") + "\"";
  }
}
