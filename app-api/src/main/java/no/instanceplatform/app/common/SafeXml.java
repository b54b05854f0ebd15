package no.instanceplatform.app.common;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML parsing and writing that untrusted documents (uploaded form data, an app's process file) cannot exploit. */
public final class SafeXml {

  // The default handler prints "[Fatal Error]" to stderr before throwing; the exception is enough.
  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  // The OWASP XXE settings: refusing any DOCTYPE rules out external entities and entity expansion bombs at once;
  // the rest is defence in depth should that feature ever be ignored.
  private static final Map<String, Boolean> FEATURES = Map.of(
      "http://apache.org/xml/features/disallow-doctype-decl", true,
      "http://xml.org/sax/features/external-general-entities", false,
      "http://xml.org/sax/features/external-parameter-entities", false,
      "http://apache.org/xml/features/nonvalidating/load-external-dtd", false,
      XMLConstants.FEATURE_SECURE_PROCESSING, true);

  private SafeXml() {}

  /** A namespace-aware parser that throws on the first error and refuses any DOCTYPE. */
  public static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setErrorHandler(THROWING);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser cannot be configured", e);
    }
  }

  /**
   * A namespace-aware streaming parser with the same defences, which refuses exactly what {@link #documentBuilder}
   * refuses; for documents read for a few values, not kept whole.
   */
  public static SAXParser saxParser() {
    try {
      SAXParserFactory factory = SAXParserFactory.newDefaultNSInstance();
      for (var feature : FEATURES.entrySet()) {
        factory.setFeature(feature.getKey(), feature.getValue());
      }
      factory.setXIncludeAware(false);
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return parser;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
    }
  }

  /** The document as UTF-8 with an XML declaration. */
  public static byte[] write(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("The JDK's XML writer failed on a parsed document", e);
    }
  }

  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
    try {
      for (var feature : FEATURES.entrySet()) {
        factory.setFeature(feature.getKey(), feature.getValue());
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
