package no.instanceplatform.app.apps;

import java.util.Map;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.core.io.Resource;

/**
 * One app found in the apps folder: its metadata and texts as read from its files (what is registered in Storage),
 * and where its process definition is (null when it has none).
 */
public record HostedApp(String org, String app, Application metadata, Map<String, TextResource> texts,
    Resource process) {

  public String id() {
    return org + "/" + app;
  }
}
