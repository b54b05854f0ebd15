package no.instanceplatform.app.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.common.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** XML form data: dotted paths address child elements of the root element, by local name. */
final class XmlFormDocument implements FormDocument {

  private final Document document;

  private XmlFormDocument(Document document) {
    this.document = document;
  }

  static XmlFormDocument empty(String rootElement) {
    Document document = SafeXml.documentBuilder().newDocument();
    document.appendChild(document.createElement(rootElement));
    return new XmlFormDocument(document);
  }

  static XmlFormDocument parse(byte[] content, String what) {
    try {
      return new XmlFormDocument(SafeXml.documentBuilder().parse(new ByteArrayInputStream(content)));
    } catch (SAXException e) {
      throw AppRuleException.invalid(what + " is not well-formed XML, or declares a DOCTYPE.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> value(String path) {
    Element element = document.getDocumentElement();
    for (String segment : FormDocument.segments(path)) {
      element = child(element, segment);
      if (element == null) {
        return Optional.empty();
      }
    }
    return hasChildElements(element) ? Optional.empty() : Optional.of(element.getTextContent());
  }

  @Override
  public void set(String path, String value) {
    Element element = document.getDocumentElement();
    for (String segment : FormDocument.segments(path)) {
      Element child = child(element, segment);
      if (child == null) {
        child = document.createElementNS(element.getNamespaceURI(), segment);
        element.appendChild(child);
      }
      element = child;
    }
    element.setTextContent(value);
  }

  @Override
  public void remove(String path) {
    Element element = document.getDocumentElement();
    for (String segment : FormDocument.segments(path)) {
      element = element == null ? null : child(element, segment);
    }
    if (element != null) {
      element.getParentNode().removeChild(element);
    }
  }

  @Override
  public byte[] bytes() {
    return SafeXml.write(document);
  }

  @Override
  public String contentType() {
    return "application/xml";
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(localName(element))) {
        return element;
      }
    }
    return null;
  }

  /** Whether the element has element children (then it is a group, not a value). */
  private static boolean hasChildElements(Element element) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        return true;
      }
    }
    return false;
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }
}
