package no.instanceplatform.app.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Process files for the tests: the sample app's, and small v8 ones built from snippets. */
final class BpmnFixtures {

  static final String SAILOR = "apps/test/sailor/config/process/process.bpmn";

  private BpmnFixtures() {}

  static ProcessDefinition sailor() {
    try (InputStream in = BpmnFixtures.class.getClassLoader().getResourceAsStream(SAILOR)) {
      if (in == null) {
        throw new IllegalStateException(SAILOR + " is not on the class path");
      }
      return BpmnParser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProcessDefinition parse(String xml) {
    return BpmnParser.parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
  }

  /** A v8 file whose process holds the given elements. */
  static String v8(String... elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:altinn="http://altinn.no/process" id="Definitions_1">
          <bpmn:process id="Process_1" isExecutable="false">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(String.join("\n", elements));
  }

  static String start(String id) {
    return "<bpmn:startEvent id=\"" + id + "\"/>";
  }

  static String task(String id, String name, String taskType) {
    return """
        <bpmn:task id="%s" name="%s">
          <bpmn:extensionElements>
            <altinn:taskExtension><altinn:taskType>%s</altinn:taskType></altinn:taskExtension>
          </bpmn:extensionElements>
        </bpmn:task>""".formatted(id, name, taskType);
  }

  static String gateway(String id, String defaultFlow) {
    return defaultFlow == null
        ? "<bpmn:exclusiveGateway id=\"" + id + "\"/>"
        : "<bpmn:exclusiveGateway id=\"" + id + "\" default=\"" + defaultFlow + "\"/>";
  }

  static String end(String id) {
    return "<bpmn:endEvent id=\"" + id + "\"/>";
  }

  static String flow(String id, String source, String target) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + source + "\" targetRef=\"" + target + "\"/>";
  }

  static String conditionalFlow(String id, String source, String target, String condition) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + source + "\" targetRef=\"" + target + "\">"
        + "<bpmn:conditionExpression>" + condition + "</bpmn:conditionExpression></bpmn:sequenceFlow>";
  }
}
