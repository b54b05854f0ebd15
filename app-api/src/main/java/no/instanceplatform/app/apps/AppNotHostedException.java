package no.instanceplatform.app.apps;

/** A request named an {@code org/app} that is not in the apps folder. */
public class AppNotHostedException extends RuntimeException {

  public AppNotHostedException(String org, String app) {
    super("app " + org + "/" + app + " is not hosted here");
  }
}
