package no.instanceplatform.app.apps;

import java.util.Map;
import no.instanceplatform.app.process.ProcessDefinition;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;

/**
 * One app found in the apps folder: its metadata and texts as read from its files (what is registered in Storage),
 * and its process, parsed at start so that an app with a broken process file is refused before it is served (null
 * when it has none).
 */
public record HostedApp(String org, String app, Application metadata, Map<String, TextResource> texts,
    ProcessDefinition process) {

  public String id() {
    return org + "/" + app;
  }
}
