package dev.stride.activityfiles.control;

import io.jenetics.jpx.XMLProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

/**
 * The XML factories jpx reads GPX with; jpx finds this class through the ServiceLoader ({@code
 * META-INF/services/io.jenetics.jpx.XMLProvider}). jpx's own provider asks the JDK for a new
 * factory at every call, and it calls for a DOM factory for the extensions of every track point: a
 * service lookup per point, 36% of the CPU of a GPX import of 3,600 points (async-profiler); then a
 * new DocumentBuilder from it, twice per point (Xerces configures itself anew each time: a third of
 * what was left). jpx uses a builder only for {@code newDocument()}, which changes nothing in it,
 * so each thread keeps one factory and one builder. Both are hardened as {@link SafeXml}'s factory
 * is: no DTD, no external entity, should a file ever get past SafeXml's check.
 */
public final class JpxXmlFactories extends XMLProvider {
  private static final ThreadLocal<XMLInputFactory> INPUT =
      ThreadLocal.withInitial(SafeXml::newFactory);

  private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS =
      ThreadLocal.withInitial(() -> new OneBuilder(newDocumentFactory()));

  @Override
  public XMLInputFactory xmlInputFactory() {
    return INPUT.get();
  }

  @Override
  public DocumentBuilderFactory documentBuilderFactory() {
    return DOCUMENTS.get();
  }

  /** A factory that hands out the same builder each time (jpx only makes documents with it). */
  private static final class OneBuilder extends DocumentBuilderFactory {
    private final DocumentBuilderFactory factory;
    private DocumentBuilder builder;

    OneBuilder(DocumentBuilderFactory factory) {
      this.factory = factory;
    }

    @Override
    public DocumentBuilder newDocumentBuilder() throws ParserConfigurationException {
      if (builder == null) {
        builder = factory.newDocumentBuilder();
      }
      return builder;
    }

    @Override
    public void setAttribute(String name, Object value) {
      throw new UnsupportedOperationException("configured once, in newDocumentFactory");
    }

    @Override
    public Object getAttribute(String name) {
      return factory.getAttribute(name);
    }

    @Override
    public void setFeature(String name, boolean value) {
      throw new UnsupportedOperationException("configured once, in newDocumentFactory");
    }

    @Override
    public boolean getFeature(String name) throws ParserConfigurationException {
      return factory.getFeature(name);
    }
  }

  /** What jpx's own provider sets (whitespace, namespaces), and no DTD. */
  private static DocumentBuilderFactory newDocumentFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setIgnoringElementContentWhitespace(true);
    factory.setNamespaceAware(true);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM factory refuses DOCTYPEs", e);
    }
    return factory;
  }
}
