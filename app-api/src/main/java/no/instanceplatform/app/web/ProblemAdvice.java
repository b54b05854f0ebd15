package no.instanceplatform.app.web;

import no.instanceplatform.app.apps.AppNotHostedException;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.process.ProcessActionNotAllowedException;
import no.instanceplatform.app.process.ProcessStateException;
import no.instanceplatform.app.process.TaskValidationException;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.app.storageclient.StorageUnavailableException;
import no.instanceplatform.app.storageclient.UploadUnreadableException;
import no.instanceplatform.web.ProblemAdviceSupport;
import no.instanceplatform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The App API's problem answers: the shared ones, apps it does not host, and Storage's refusals and absence. */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(AppRuleException.class)
  ResponseEntity<ProblemDetail> refusedByRule(AppRuleException e) {
    HttpStatus status = switch (e.kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
    };
    return problem(status, e.getMessage());
  }

  @ExceptionHandler(ProcessStateException.class)
  ResponseEntity<ProblemDetail> processCannotMove(ProcessStateException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  /** As Altinn: an action the current task does not accept is forbidden, and the detail names those it does. */
  @ExceptionHandler(ProcessActionNotAllowedException.class)
  ResponseEntity<ProblemDetail> actionNotAllowed(ProcessActionNotAllowedException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage());
  }

  /** Altinn's answer to a task that cannot be completed: 409, its title, and the issues as {@code validationIssues}. */
  @ExceptionHandler(TaskValidationException.class)
  ResponseEntity<ProblemDetail> taskInvalid(TaskValidationException e) {
    ProblemDetail body = Problems.of(HttpStatus.CONFLICT, "Validation failed for task", e.getMessage());
    body.setProperty("validationIssues", e.issues());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(AppNotHostedException.class)
  ResponseEntity<ProblemDetail> notHosted(AppNotHostedException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** Storage decided (the caller's rights, the data's rules): the caller gets its status and detail unchanged. */
  @ExceptionHandler(StorageProblemException.class)
  ResponseEntity<ProblemDetail> storageRefused(StorageProblemException e) {
    HttpStatusCode status = HttpStatusCode.valueOf(e.status());
    HttpStatus known = HttpStatus.resolve(e.status());
    String title = known != null ? known.getReasonPhrase() : "Storage answered " + e.status();
    return ResponseEntity.status(status).body(Problems.of(status, title, e.detail()));
  }

  /** The caller's own failure, which it will hardly hear of: nothing for the log's warnings. */
  @ExceptionHandler(UploadUnreadableException.class)
  ResponseEntity<ProblemDetail> uploadUnreadable(UploadUnreadableException e) {
    log.debug("An upload could not be read to its end: {}", e.getCause().toString());
    return problem(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(StorageUnavailableException.class)
  ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailableException e) {
    log.warn("Storage is unavailable: {}", e.getMessage());
    return unavailable("Storage is unavailable; nothing was done. Try again shortly.");
  }
}
