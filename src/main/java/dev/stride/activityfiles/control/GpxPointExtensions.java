package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Heart rate, cadence and power of every track point, in document order, read in the one StAX pass
 * that also checks the file (well-formed, no DOCTYPE: {@link SafeXml}). jpx hands out a point's
 * extensions only as a DOM document that it copies through an XSLT transformer at every {@code
 * getExtensions()}: 110 ms of the 190 ms of a 3,600-point GPX import (async-profiler, wall clock).
 * The values come from the same elements jpx would give: Garmin's TrackPointExtension (v1 or v2)
 * {@code hr} and {@code cad}, and a {@code power} element of any namespace, within a {@code trkpt};
 * the first of each counts, and one that is not a whole number is no value.
 */
final class GpxPointExtensions {
  private static final Set<String> TRACK_POINT_EXTENSIONS =
      Set.of(
          "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
          "http://www.garmin.com/xmlschemas/TrackPointExtension/v2");

  /** What one track point's extensions say, {@code null} where they say nothing. */
  record Values(Integer heartRate, Integer cadence, Integer power) {}

  private GpxPointExtensions() {}

  /** The values of one trkpt as its elements go by; an element with elements inside is no value. */
  private static final class Point {
    private Integer heartRate;
    private Integer cadence;
    private Integer power;
    private String reading; // hr, cad or power, while its text comes
    private final StringBuilder text = new StringBuilder();

    void start(String namespace, String name) {
      boolean garmin = TRACK_POINT_EXTENSIONS.contains(namespace);
      boolean wanted =
          (name.equals("power") && power == null)
              || (garmin && name.equals("hr") && heartRate == null)
              || (garmin && name.equals("cad") && cadence == null);
      reading = wanted ? name : null; // also ends a value that had an element inside
      text.setLength(0);
    }

    void text(String characters) {
      if (reading != null) {
        text.append(characters);
      }
    }

    void end() {
      if (reading != null) {
        Integer value = Numbers.wholeOrNull(text.toString());
        switch (reading) {
          case "hr" -> heartRate = value;
          case "cad" -> cadence = value;
          default -> power = value;
        }
        reading = null;
      }
    }

    Values values() {
      return new Values(heartRate, cadence, power);
    }
  }

  /**
   * The values of every {@code trkpt} of the file, in document order.
   *
   * @throws UnreadableFileException when the file is not well-formed XML or has a DOCTYPE
   */
  static List<Values> read(byte[] file) throws UnreadableFileException {
    List<Values> points = new ArrayList<>();
    try {
      XMLStreamReader xml = SafeXml.open(file);
      try {
        Point point = null; // the trkpt being read
        while (xml.hasNext()) {
          int event = xml.next();
          SafeXml.refuseDoctype(event);
          if (event == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("trkpt")) {
              point = new Point();
            } else if (point != null) {
              point.start(xml.getNamespaceURI(), xml.getLocalName());
            }
          } else if (point != null && event == XMLStreamConstants.CHARACTERS) {
            point.text(xml.getText());
          } else if (point != null && event == XMLStreamConstants.END_ELEMENT) {
            if (xml.getLocalName().equals("trkpt")) {
              points.add(point.values());
              point = null;
            } else {
              point.end();
            }
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException | RuntimeException malformed) {
      throw Unreadable.corrupt(FileFormat.GPX, malformed);
    }
    return points;
  }
}
