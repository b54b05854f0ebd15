package no.instanceplatform.storage.web;

import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.web.ProblemAdviceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import no.instanceplatform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Storage's problem answers: the shared ones, the refusals of Storage's domain, and an unreachable database. */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(StorageException.class)
  ResponseEntity<ProblemDetail> refused(StorageException e) {
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
    return status == HttpStatus.SERVICE_UNAVAILABLE ? unavailable(e.getMessage()) : problem(status, e.getMessage());
  }

  /**
   * Storage sets no multipart size limit (each data type's own is enforced while the part streams), so Tomcat
   * refuses a multipart body only for its part count ({@code server.tomcat.max-part-count}) or the size of a part's
   * headers; Spring reports either as an upload too large.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(ex, Problems.of(status, HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase(),
        "The multipart body has too many parts, or a part's headers are too long: an upload is one part."),
        headers, status, request);
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
}
