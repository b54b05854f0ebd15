package no.instanceplatform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Answers the requests Tomcat refuses itself, before any servlet or filter sees them (a header block over the
 * limit, a malformed request line), with a problem in place of Tomcat's HTML page. A header block over the limit is
 * 431, the status RFC 6585 has for it; Tomcat would say 400.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  static final String HEADERS_TOO_LARGE = "The request's header block is larger than Storage accepts.";
  static final String MALFORMED = "The request could not be read: its request line or headers are malformed.";
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

  private final ProblemResponses problems;

  ProblemErrorReportValve(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    AtomicBoolean ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (code < 400 || response.getContentWritten() > 0 || !ioAllowed.get()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    String detail = null;
    if (code == HttpStatus.BAD_REQUEST.value() && headersTooLarge(throwable)) {
      status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      detail = HEADERS_TOO_LARGE;
    }
    if (status == null) {
      status = HttpStatus.BAD_REQUEST;
    }
    if (detail == null) {
      detail = status == HttpStatus.BAD_REQUEST ? MALFORMED
          : "The request could not be completed (" + status.getReasonPhrase() + ").";
    }
    // The security filters never saw this request, so the headers they add to every answer are set here.
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    try {
      problems.write(request, response, status, detail);
      response.finishResponse();
    } catch (IOException | RuntimeException e) {
      log.debug("Could not answer a refused request with a problem: {}", e.toString());
    }
  }

  /** Tomcat reports an overflow of its header buffer as an IllegalArgumentException naming the size. */
  private static boolean headersTooLarge(Throwable throwable) {
    return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
        && throwable.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large");
  }
}
