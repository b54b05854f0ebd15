package no.instanceplatform.app.apps;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.instanceplatform.app.AppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The apps this App API hosts, found once at start in the apps folder, and which of them Storage has registered. */
@Component
public class AppRegistry {

  private static final Logger log = LoggerFactory.getLogger(AppRegistry.class);

  private final Map<String, HostedApp> apps = new LinkedHashMap<>();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  AppRegistry(AppProperties properties, JsonMapper json) {
    AppFolder folder = new AppFolder(properties.appsDir(), json);
    for (HostedApp app : folder.read()) {
      apps.put(app.id(), app);
    }
    log.info("Hosting {} app(s) from {}: {}", apps.size(), folder.base(), apps.keySet());
  }

  /** The app, or {@link AppNotHostedException} when the apps folder has no {@code org/app}. */
  public HostedApp require(String org, String app) {
    HostedApp hosted = apps.get(org + "/" + app);
    if (hosted == null) {
      throw new AppNotHostedException(org, app);
    }
    return hosted;
  }

  public Collection<HostedApp> all() {
    return apps.values();
  }

  /** How many apps have had their metadata and texts stored in Storage since start. */
  public int registeredCount() {
    return registered.size();
  }

  void markRegistered(HostedApp app) {
    registered.add(app.id());
  }

  boolean isRegistered(HostedApp app) {
    return registered.contains(app.id());
  }
}
