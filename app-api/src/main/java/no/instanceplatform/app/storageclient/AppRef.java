package no.instanceplatform.app.storageclient;

/** An app id {@code org/app}, split once so that both parts can be sent as encoded path segments. */
record AppRef(String org, String app) {

  static AppRef parse(String appId) {
    int slash = appId == null ? -1 : appId.indexOf('/');
    if (slash <= 0 || slash == appId.length() - 1 || appId.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("An app id is 'org/app', not '" + appId + "'.");
    }
    return new AppRef(appId.substring(0, slash), appId.substring(slash + 1));
  }
}
