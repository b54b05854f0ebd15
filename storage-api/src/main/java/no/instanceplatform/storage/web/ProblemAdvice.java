package no.instanceplatform.storage.web;

import java.util.stream.Collectors;
import no.instanceplatform.storage.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every refusal into an RFC 9457 problem that says what was wrong, and never lets exception text,
 * stack traces or internal names reach the caller.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(StorageException.class)
  ResponseEntity<ProblemDetail> refused(StorageException e) {
    if (e.kind() == StorageException.Kind.UNAVAILABLE) {
      return unavailable(e.getMessage());
    }
    HttpStatus status = switch (e.kind()) {
      case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case UNSUPPORTED_CONTENT_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    return problem(status, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, "The value of '" + e.getName() + "' is not a valid " + expected + ".");
  }

  /**
   * The database is out of reach (the adapters' template translates driver errors into these): the caller may try
   * again shortly, and nothing was written.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("Storage dependency unavailable: {}", e.toString());
    return unavailable("The metadata store is unavailable. Try again shortly.");
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    ProblemDetail body = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(body);
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

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(Problems.of(status, status.getReasonPhrase(), detail));
  }

  private static String jsonPath(DatabindException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
