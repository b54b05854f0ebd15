package no.instanceplatform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents the App API answers with; each status has one stable {@code type}. */
public final class Problems {

  private static final String TYPE_BASE = "urn:instanceplatform:problem:";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(typeFor(status));
    return problem;
  }

  /** The same names as Storage's, so that a client handles both services' problems alike. */
  public static URI typeFor(HttpStatusCode status) {
    String name = switch (status.value()) {
      case 400 -> "invalid-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 412 -> "precondition-failed";
      case 413 -> "too-large";
      case 415 -> "unsupported-media-type";
      case 431 -> "headers-too-large";
      case 503 -> "unavailable";
      default -> status.is4xxClientError() ? "client-error" : "server-error";
    };
    return URI.create(TYPE_BASE + name);
  }
}
