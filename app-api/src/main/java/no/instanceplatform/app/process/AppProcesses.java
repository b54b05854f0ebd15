package no.instanceplatform.app.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import no.instanceplatform.app.apps.AppRegistry;
import no.instanceplatform.app.apps.HostedApp;
import no.instanceplatform.app.common.AppRuleException;
import org.springframework.stereotype.Component;

/**
 * The process definition of every hosted app, parsed once at start: a broken process file stops the App API at start
 * with its problem named, instead of failing the first user who presses next.
 */
@Component
class AppProcesses {

  private final Map<String, ProcessDefinition> definitions = new HashMap<>();

  AppProcesses(AppRegistry registry) {
    for (HostedApp app : registry.all()) {
      if (app.process() != null) {
        definitions.put(app.id(), parse(app));
      }
    }
  }

  /** The app's process; a conflict when the app has none, as nothing can move its instances. */
  ProcessDefinition of(HostedApp app) {
    ProcessDefinition definition = definitions.get(app.id());
    if (definition == null) {
      throw AppRuleException.conflict("The app " + app.id() + " has no process (config/process/process.bpmn).");
    }
    return definition;
  }

  private static ProcessDefinition parse(HostedApp app) {
    try (InputStream in = app.process().getInputStream()) {
      return BpmnParser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process of " + app.id(), e);
    } catch (InvalidProcessException e) {
      throw new InvalidProcessException("The process of " + app.id() + " cannot be run: " + e.getMessage(), e);
    }
  }
}
