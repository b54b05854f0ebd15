package no.instanceplatform.web;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every refusal into an RFC 9457 problem that says what was wrong, and never lets exception text,
 * stack traces or internal names reach the caller. Each service's {@code @RestControllerAdvice} extends it with the
 * refusals of its own domain.
 */
public abstract class ProblemAdviceSupport extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdviceSupport.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, "The value of '" + e.getName() + "' is not a valid " + expected + ".");
  }

  /** Thrown inside a controller it would otherwise be caught below as unexpected and become a 500. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "The caller may not do this.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed because of an internal error.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "The request body is missing or unreadable.";
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
        detail = "The request body has an invalid value at '" + jsonPath(bind) + "'.";
        break;
      }
      if (cause instanceof JacksonException) {
        detail = "The request body is not valid JSON.";
      }
    }
    return handleExceptionInternal(ex, Problems.of(status, "Bad Request", detail), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = Problems.of(status, "Not Found",
        "There is no endpoint at " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
    return handleExceptionInternal(ex, body, headers, status, request);
  }

  /** Every problem Spring builds for its own exceptions gets our stable type instead of {@code about:blank}. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && ex instanceof ErrorResponse errorResponse) {
      body = errorResponse.getBody();
    }
    if (body instanceof ProblemDetail problem) {
      problem.setType(Problems.typeFor(status));
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  protected static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(Problems.of(status, status.getReasonPhrase(), detail));
  }

  /** A dependency is out of reach: nothing was done, and the caller may try again shortly. */
  protected static ResponseEntity<ProblemDetail> unavailable(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), detail));
  }

  private static String jsonPath(DatabindException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
