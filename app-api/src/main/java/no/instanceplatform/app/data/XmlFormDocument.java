package no.instanceplatform.app.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.common.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

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
      throw notWellFormed(what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values at {@code paths}, read as SAX events by a parser that refuses what {@link #parse}'s refuses. */
  static FormValues scan(InputStream content, Collection<String> paths, String what) {
    Scan scan = new Scan(FormPaths.of(paths));
    try {
      SafeXml.saxParser().parse(content, scan);
    } catch (SAXException e) {
      throw notWellFormed(what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FormPaths.Found(scan.values);
  }

  private static AppRuleException notWellFormed(String what) {
    return AppRuleException.invalid(what + " is not well-formed XML, or declares a DOCTYPE.");
  }

  /**
   * Follows the elements on the way to a wanted path as {@link #value} does: below each element the first child of a
   * name, and a value is the text of an element without child elements.
   */
  private static final class Scan extends DefaultHandler {

    private final FormPaths wanted;
    private final Map<String, String> values = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();

    Scan(FormPaths wanted) {
      this.wanted = wanted;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      Open parent = open.peek();
      // As the DOM names it: the qualified name after its prefix. SAX names <:a> ":a", the DOM "a".
      String name = qName.substring(qName.indexOf(':') + 1);
      open.push(new Open(parent == null ? wanted : parent.enter(name)));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      Open element = open.peek();
      if (element != null && element.text != null) {
        element.text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      Open element = open.pop();
      if (element.text != null && !element.hasChildElements) {
        values.put(element.node.path(), element.text.toString());
      }
    }
  }

  /** An element being read: its branch of the wanted paths (null: none), its text if a path ends at it. */
  private static final class Open {

    private final FormPaths node;
    private final StringBuilder text;
    private Set<String> entered;
    private boolean hasChildElements;

    Open(FormPaths node) {
      this.node = node;
      this.text = node != null && node.wanted() ? new StringBuilder() : null;
    }

    /** The branch of a child element named {@code name}: only the first child of a name is followed. */
    FormPaths enter(String name) {
      hasChildElements = true;
      FormPaths child = node == null ? null : node.child(name);
      if (child == null) {
        return null;
      }
      entered = entered == null ? new HashSet<>() : entered;
      return entered.add(name) ? child : null;
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
