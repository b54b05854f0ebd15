package no.instanceplatform.web;

import java.nio.charset.CharacterCodingException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.coyote.CloseNowException;
import org.apache.tomcat.util.http.InvalidParameterException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
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

  /**
   * Tomcat parses the query string (and a form body) when first asked for a parameter, and fails on too many
   * parameters ({@code server.tomcat.max-parameter-count}) or a malformed one (bad percent-encoding); without this
   * handler the catch-all below made that a 500.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException e) {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    return problem(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
        "The query string is malformed or has too many parameters (a form body counts as parameters too).");
  }

  /**
   * A multipart body Tomcat cannot parse (unterminated, no boundary, a broken part header). Spring parses it as soon
   * as a {@code @RequestParam} is resolved, before the controller, and reports every failure but a size limit as a
   * plain {@link MultipartException}, which no handler took: it was a 500.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
    log.debug("Multipart body refused: {}", e.getMostSpecificCause().toString());
    return problem(HttpStatus.BAD_REQUEST, "The multipart body is malformed: every part needs its boundary, "
        + "headers and content, and the body its closing boundary.");
  }

  /**
   * A file's source failed after its answer had begun ({@link FileAnswers}): passed on as it is, for Tomcat to end
   * the connection on; a problem can no longer be written. (An exception handler that throws the exception it was
   * given is not logged as a failure of its own.)
   */
  @ExceptionHandler(CloseNowException.class)
  void endTheConnection(CloseNowException e) throws CloseNowException {
    throw e;
  }

  /** A request waited in vain for the memory it holds content in: nothing was done, it may be tried again. */
  @ExceptionHandler(MemoryBudget.Busy.class)
  ResponseEntity<ProblemDetail> busy(MemoryBudget.Busy e) {
    log.info("Refused for memory: {}", e.getMessage());
    return unavailable(e.getMessage());
  }

  @ExceptionHandler(BudgetedJsonConverter.TooLarge.class)
  ResponseEntity<ProblemDetail> jsonBodyTooLarge(BudgetedJsonConverter.TooLarge e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed because of an internal error.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The body's memory ran out while Jackson read it, and Jackson wrapped the refusal as a value it could not read.
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      ResponseEntity<ProblemDetail> refused = cause instanceof BudgetedJsonConverter.TooLarge tooLarge
          ? jsonBodyTooLarge(tooLarge) : cause instanceof MemoryBudget.Busy busy ? busy(busy) : null;
      if (refused != null) {
        return new ResponseEntity<>(refused.getBody(), refused.getHeaders(), refused.getStatusCode());
      }
    }
    String detail = "The request body is missing or unreadable.";
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof CharacterCodingException) {
        detail = "The request body is not well-formed UTF-8.";
        break;
      }
      if (cause instanceof StreamConstraintsException limit) {
        return overLimit(ex, limit, headers, request);
      }
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

  /**
   * A body over one of Jackson's read limits ({@code spring.jackson.factory.constraints.read}): the whole body too
   * long is 413; too deep, or a string, number or name too long, is 400. Jackson's message names its own setting,
   * so it is matched, never shown.
   */
  private ResponseEntity<Object> overLimit(Exception ex, StreamConstraintsException limit, HttpHeaders headers,
      WebRequest request) {
    String message = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
    HttpStatus status = message.startsWith("Document length") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
    String detail = status == HttpStatus.CONTENT_TOO_LARGE ? "The request body is longer than the JSON limit."
        : "The request body exceeds a JSON limit: it is nested too deeply, or a string, number or name is too long.";
    return handleExceptionInternal(ex, Problems.of(status, status.getReasonPhrase(), detail), headers, status,
        request);
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
