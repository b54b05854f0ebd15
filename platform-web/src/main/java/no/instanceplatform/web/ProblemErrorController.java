package no.instanceplatform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors raised outside Spring MVC (a request the firewall rejects, a failure in a filter) with a
 * problem too, in place of Boot's default error map, which has another shape.
 */
@RestController
class ProblemErrorController implements ErrorController {

  /**
   * The problem of the failed request; nothing when its answer was already under way (a file whose source failed
   * in the middle, see {@link FileAnswers}): Tomcat then includes this page into that answer, which nothing can be
   * added to.
   */
  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return null;
    }
    HttpStatus status = statusOf(request);
    ProblemDetail body = Problems.of(status, status.getReasonPhrase(), detailFor(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    body.setInstance(URI.create(path instanceof String text ? text : request.getRequestURI()));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** Called directly, without an error to report, {@code /error} is just a path with no endpoint. */
  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status != null && status.isError() ? status : HttpStatus.NOT_FOUND;
  }

  private static String detailFor(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request was rejected as malformed.";
      case NOT_FOUND -> "There is no endpoint at this path.";
      case INTERNAL_SERVER_ERROR -> "The request could not be completed because of an internal error.";
      default -> "The request could not be completed (" + status.getReasonPhrase() + ").";
    };
  }
}
