package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.Track;
import dev.stride.tester.activityfiles.entity.TrackPoint;
import dev.stride.tester.sessions.entity.Activity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a track as a Garmin Training Center (TCX v2) activity with the JDK's StAX: one lap with
 * its totals (time, distance, calories, average and maximum heart rate) and a track of points, the
 * elements in the order the schema demands. TCX knows only the sports Running, Biking and Other;
 * the activity's name goes into {@code Notes}, which Stride takes as the session's notes.
 */
final class TcxFile {

  static final String NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private TcxFile() {}

  static void write(Track track, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeStartElement("TrainingCenterDatabase");
      xml.writeDefaultNamespace(NAMESPACE);
      xml.writeStartElement("Activities");
      xml.writeStartElement("Activity");
      xml.writeAttribute("Sport", sportOf(track.activity()));
      element(xml, "Id", time(track.start()));
      lap(xml, track);
      element(xml, "Notes", track.name());
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write TCX: " + e.getMessage(), e);
    }
  }

  private static void lap(XMLStreamWriter xml, Track track) throws XMLStreamException {
    xml.writeStartElement("Lap");
    xml.writeAttribute("StartTime", time(track.start()));
    element(xml, "TotalTimeSeconds", Long.toString(track.duration().toSeconds()));
    element(xml, "DistanceMeters", decimal(track.distanceMeters(), 2));
    element(xml, "Calories", Integer.toString(track.calories()));
    heartRate(xml, "AverageHeartRateBpm", track.averageHeartRate());
    heartRate(xml, "MaximumHeartRateBpm", track.maxHeartRate());
    element(xml, "Intensity", "Active");
    element(xml, "TriggerMethod", "Manual");
    xml.writeStartElement("Track");
    for (var point : track.points()) {
      trackpoint(xml, point);
    }
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void trackpoint(XMLStreamWriter xml, TrackPoint point) throws XMLStreamException {
    xml.writeStartElement("Trackpoint");
    element(xml, "Time", time(point.time()));
    xml.writeStartElement("Position");
    element(xml, "LatitudeDegrees", decimal(point.latitude(), 7));
    element(xml, "LongitudeDegrees", decimal(point.longitude(), 7));
    xml.writeEndElement();
    element(xml, "AltitudeMeters", decimal(point.elevationMeters(), 1));
    element(xml, "DistanceMeters", decimal(point.distanceMeters(), 2));
    heartRate(xml, "HeartRateBpm", point.heartRate());
    element(xml, "Cadence", Integer.toString(point.cadence()));
    xml.writeEndElement();
  }

  /** Heart rates are wrapped in a {@code Value} element. */
  private static void heartRate(XMLStreamWriter xml, String name, int beatsPerMinute)
      throws XMLStreamException {
    xml.writeStartElement(name);
    element(xml, "Value", Integer.toString(beatsPerMinute));
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static String sportOf(Activity activity) {
    return switch (activity) {
      case RUNNING -> "Running";
      case CYCLING -> "Biking";
      default -> "Other";
    };
  }

  private static String time(Instant instant) {
    return instant.toString();
  }

  private static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}
