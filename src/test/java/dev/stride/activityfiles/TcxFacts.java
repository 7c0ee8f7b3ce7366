package dev.stride.activityfiles;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a TCX file states in its laps, read with the JDK's DOM: the expected values of a test. */
final class TcxFacts {
  private TcxFacts() {}

  /** The sum of the laps' DistanceMeters. */
  static double lapDistance(byte[] tcx) throws Exception {
    double sum = 0;
    NodeList laps = document(tcx).getElementsByTagNameNS("*", "Lap");
    for (int i = 0; i < laps.getLength(); i++) {
      sum += Double.parseDouble(child((Element) laps.item(i), "DistanceMeters").getTextContent());
    }
    return sum;
  }

  /** The first lap's AverageHeartRateBpm, or null. */
  static Integer lapAverageHeartRate(byte[] tcx) throws Exception {
    Element lap = (Element) document(tcx).getElementsByTagNameNS("*", "Lap").item(0);
    Element average = child(lap, "AverageHeartRateBpm");
    return average == null
        ? null
        : Integer.valueOf(child(average, "Value").getTextContent().trim());
  }

  private static Element child(Element parent, String name) {
    NodeList found = parent.getElementsByTagNameNS("*", name);
    return found.getLength() == 0 ? null : (Element) found.item(0);
  }

  private static Document document(byte[] tcx) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(tcx));
  }
}
