package no.instanceplatform.storage.applications;

import java.util.regex.Pattern;
import no.instanceplatform.storage.common.StorageException;

/** An application id, {@code org/app}, validated as Altinn validates it. */
public record AppId(String org, String app) {

  private static final Pattern ORG = Pattern.compile("^[a-zæøå][a-zæøå0-9]*$");
  private static final Pattern APP = Pattern.compile("^[a-zæøå][a-zæøå0-9-]*$");

  public AppId {
    requireValidOrg(org);
    if (app == null || !APP.matcher(app).matches()) {
      throw StorageException.invalid("The app name '" + app + "' is not valid: it must start with a lower-case "
          + "letter and contain only lower-case letters, digits and '-'.");
    }
  }

  /** Returns the org if it is a valid app owner short name; anything else is invalid input. */
  public static String requireValidOrg(String org) {
    if (org == null || !ORG.matcher(org).matches()) {
      throw StorageException.invalid("The org '" + org + "' is not valid: it must start with a lower-case letter "
          + "and contain only lower-case letters and digits.");
    }
    return org;
  }

  /** Parses {@code org/app}; anything else is invalid input. */
  public static AppId parse(String appId) {
    if (appId == null || appId.isBlank()) {
      throw StorageException.invalid("The appId is required, as 'org/app'.");
    }
    String[] parts = appId.split("/", -1);
    if (parts.length != 2) {
      throw StorageException.invalid("The appId '" + appId + "' is not valid: it must be 'org/app', with exactly "
          + "one '/'.");
    }
    return new AppId(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return org + "/" + app;
  }
}
