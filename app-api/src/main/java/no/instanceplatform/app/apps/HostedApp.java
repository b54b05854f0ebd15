package no.instanceplatform.app.apps;

import java.util.Map;
import no.instanceplatform.app.process.ProcessDefinition;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import tools.jackson.databind.JsonNode;

/**
 * One app found in the apps folder: its metadata and texts as read from its files (what is registered in Storage),
 * its process, parsed at start so that an app with a broken process file is refused before it is served (null when
 * it has none), and the JSON schemas of its data models by data type id (read once at start; a data type without a
 * {@code models/{id}.schema.json} has none).
 */
public record HostedApp(String org, String app, Application metadata, Map<String, TextResource> texts,
    ProcessDefinition process, Map<String, JsonNode> models) {

  public HostedApp {
    models = Map.copyOf(models);
  }

  public String id() {
    return org + "/" + app;
  }
}
