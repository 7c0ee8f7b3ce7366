package dev.stride.activityfiles.control;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML from strangers, read without DTDs: no external entity can make the server read a file or a
 * URL (XXE), no entity can expand into gigabytes (billion laughs). GPX and TCX never need a DTD, so
 * a file that declares a DOCTYPE is refused before any parser that might honour it (jpx uses the
 * JDK's default, entity-resolving factory) sees the file.
 */
final class SafeXml {
  /**
   * One factory per thread: {@code newFactory()} is a service lookup (too slow to repeat for every
   * file), and a StAX factory is not promised to be safe to share between threads.
   */
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(SafeXml::newFactory);

  private SafeXml() {}

  /** A StAX factory that neither processes a DTD nor resolves an external entity. */
  static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** A StAX reader that neither processes a DTD nor resolves an external entity. */
  static XMLStreamReader open(byte[] xml) throws XMLStreamException {
    return FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(xml));
  }

  /**
   * The name of the root element; empty when the bytes are not XML up to it.
   *
   * @throws UnreadableFileException when a DOCTYPE comes before the root
   */
  static Optional<QName> rootElement(byte[] xml) throws UnreadableFileException {
    try {
      XMLStreamReader reader = open(xml);
      try {
        while (reader.hasNext()) {
          int event = reader.next();
          refuseDoctype(event);
          if (event == XMLStreamConstants.START_ELEMENT) {
            return Optional.of(reader.getName());
          }
        }
        return Optional.empty();
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException notXml) {
      return Optional.empty();
    }
  }

  static void refuseDoctype(int event) throws UnreadableFileException {
    if (event == XMLStreamConstants.DTD) {
      throw Unreadable.doctype();
    }
  }
}
