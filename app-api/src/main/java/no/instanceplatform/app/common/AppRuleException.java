package no.instanceplatform.app.common;

/** The App API refuses a request by one of the app's rules; the kind says how, the message says what was wrong. */
public class AppRuleException extends RuntimeException {

  /** How a rule refuses: each kind is one HTTP status. */
  public enum Kind {
    INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE
  }

  private final Kind kind;

  public AppRuleException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static AppRuleException invalid(String message) {
    return new AppRuleException(Kind.INVALID, message);
  }

  public static AppRuleException forbidden(String message) {
    return new AppRuleException(Kind.FORBIDDEN, message);
  }

  public static AppRuleException notFound(String message) {
    return new AppRuleException(Kind.NOT_FOUND, message);
  }

  public static AppRuleException conflict(String message) {
    return new AppRuleException(Kind.CONFLICT, message);
  }

  public static AppRuleException tooLarge(String message) {
    return new AppRuleException(Kind.TOO_LARGE, message);
  }
}
