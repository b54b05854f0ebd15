package no.instanceplatform.app.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.instanceplatform.app.common.SafeXml;
import no.instanceplatform.app.process.ProcessElement.EndEvent;
import no.instanceplatform.app.process.ProcessElement.ExclusiveGateway;
import no.instanceplatform.app.process.ProcessElement.ProcessTask;
import no.instanceplatform.app.process.ProcessElement.StartEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an app's {@code process.bpmn} (BPMN 2.0 XML as Altinn Studio writes it, in the v8 or the v7 form) into a
 * {@link ProcessDefinition}, with the JDK's DOM parser and no DTDs or external entities.
 */
public final class BpmnParser {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** v8 files declare {@code http://altinn.no/process}; v7 files {@code http://altinn.no}. */
  static final Set<String> ALTINN = Set.of("http://altinn.no/process", "http://altinn.no");

  private BpmnParser() {}

  /** The process in the stream; {@link InvalidProcessException} if it is not well-formed, safe or runnable. */
  public static ProcessDefinition parse(InputStream xml) {
    Element definitions = read(xml).getDocumentElement();
    if (!isBpmn(definitions, "definitions")) {
      throw new InvalidProcessException("Not a BPMN 2.0 document: the root element is " + definitions.getTagName()
          + " in namespace " + definitions.getNamespaceURI());
    }
    // Altinn apps have one process; like Altinn, read the first.
    Element process = children(definitions).stream().filter(child -> isBpmn(child, "process")).findFirst()
        .orElseThrow(() -> new InvalidProcessException("The BPMN document has no process element"));
    List<ProcessElement> elements = new ArrayList<>();
    List<SequenceFlow> flows = new ArrayList<>();
    for (Element child : children(process)) {
      if (!BPMN.equals(child.getNamespaceURI())) {
        continue;
      }
      switch (child.getLocalName()) {
        case "startEvent" -> elements.add(new StartEvent(id(child)));
        case "task" -> elements.add(task(child));
        case "exclusiveGateway" -> elements.add(new ExclusiveGateway(id(child), attribute(child, "default")));
        case "endEvent" -> elements.add(new EndEvent(id(child)));
        case "sequenceFlow" -> flows.add(new SequenceFlow(id(child), attribute(child, "sourceRef"),
            attribute(child, "targetRef"), conditionExpression(child)));
        // Lanes, annotations, associations and data objects do not move the process; unsupported flow nodes
        // are caught when a sequence flow points at them.
        default -> { }
      }
    }
    return new ProcessDefinition(attribute(process, "id"), elements, flows);
  }

  private static Document read(InputStream xml) {
    try {
      return SafeXml.documentBuilder().parse(xml);
    } catch (SAXParseException e) {
      throw new InvalidProcessException("The process file is not well-formed or not allowed XML (line "
          + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
    } catch (SAXException e) {
      throw new InvalidProcessException("The process file is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessTask task(Element task) {
    String id = id(task);
    String taskType = v8TaskType(task);
    if (taskType == null) {
      taskType = ALTINN.stream().map(ns -> task.getAttributeNS(ns, "tasktype")).filter(type -> !type.isBlank())
          .findFirst().orElse(null);
    }
    if (taskType == null) {
      throw new InvalidProcessException("Task " + id + " has no Altinn task type (altinn:taskExtension/"
          + "altinn:taskType, or the v7 attribute altinn:tasktype)");
    }
    return new ProcessTask(id, attribute(task, "name"), taskType.strip());
  }

  // <bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType>
  private static String v8TaskType(Element task) {
    for (Element extensions : children(task)) {
      if (!isBpmn(extensions, "extensionElements")) {
        continue;
      }
      for (Element extension : children(extensions)) {
        if (!isAltinn(extension, "taskExtension")) {
          continue;
        }
        for (Element type : children(extension)) {
          if (isAltinn(type, "taskType") && !type.getTextContent().isBlank()) {
            return type.getTextContent();
          }
        }
      }
    }
    return null;
  }

  private static String conditionExpression(Element flow) {
    return children(flow).stream().filter(child -> isBpmn(child, "conditionExpression"))
        .map(child -> child.getTextContent().strip()).findFirst().orElse(null);
  }

  private static String id(Element element) {
    String id = attribute(element, "id");
    if (id == null) {
      throw new InvalidProcessException("A " + element.getLocalName() + " element has no id");
    }
    return id;
  }

  // BPMN's own attributes are unqualified; an absent or blank one is null.
  private static String attribute(Element element, String name) {
    String value = element.getAttribute(name).strip();
    return value.isEmpty() ? null : value;
  }

  private static boolean isBpmn(Element element, String localName) {
    return BPMN.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
  }

  private static boolean isAltinn(Element element, String localName) {
    return ALTINN.contains(element.getNamespaceURI()) && localName.equals(element.getLocalName());
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }
}
