package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.sessions.entity.Rfc3339;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * TCX (Garmin's Training Center XML) with the JDK's StAX, as no maintained library reads it: the
 * trackpoints of the file's one {@code Activity}, or of its one {@code Course} (GPSBabel's {@code
 * gtrnctr} output writes a course, with timed trackpoints). Heart rate, cadence and the file's own
 * cumulative distance come from the trackpoint, speed and power from its ActivityExtension {@code
 * TPX}. The totals are those of the lap summaries (see {@link LapTotals}).
 */
final class TcxReader {
  private static final String ACTIVITY_EXTENSION =
      "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

  Recording read(byte[] file) throws UnreadableFileException {
    try {
      XMLStreamReader xml = SafeXml.open(file);
      try {
        return new Parse(xml).recording();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException | DateTimeException | ArithmeticException e) {
      throw Unreadable.corrupt(FileFormat.TCX, e);
    } catch (NumberFormatException e) {
      throw Unreadable.invalidValue(FileFormat.TCX, "number");
    }
  }

  /** One pass over one file; the path of open elements tells a lap's values from a point's. */
  private static final class Parse {
    private final XMLStreamReader xml;
    private final Deque<String> path = new ArrayDeque<>();
    private final TimedSamples samples = new TimedSamples(FileFormat.TCX);
    private final LapTotals laps = new LapTotals();
    private int activities;
    private String sport;
    private String name;
    private Point point;

    Parse(XMLStreamReader xml) {
      this.xml = xml;
    }

    Recording recording() throws XMLStreamException, UnreadableFileException {
      while (xml.hasNext()) {
        int event = xml.next();
        SafeXml.refuseDoctype(event);
        if (event == XMLStreamConstants.START_ELEMENT) {
          start(xml.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(path.pop());
        }
      }
      return new Recording(
          FileFormat.TCX, Sports.activityOf(sport), name, samples.inTimeOrder(), laps.totals());
    }

    private void start(String element) throws XMLStreamException, UnreadableFileException {
      String parent = path.isEmpty() ? "" : path.peek();
      switch (element) {
        case "Activity", "Course" -> {
          if (++activities > 1) {
            throw Unreadable.moreThanOneActivity(FileFormat.TCX);
          }
          sport = xml.getAttributeValue(null, "Sport");
        }
        case "Lap" -> laps.startLap();
        case "Trackpoint" -> point = new Point();
        default -> {}
      }
      if (isLeaf(parent, element)) {
        leaf(parent, element, xml.getElementText()); // consumes the end tag
      } else {
        path.push(element);
      }
    }

    private boolean isLeaf(String parent, String element) {
      return switch (parent) {
        case "Activity" -> element.equals("Notes");
        case "Course" -> element.equals("Name");
        case "Lap" ->
            switch (element) {
              case "TotalTimeSeconds", "DistanceMeters", "Calories" -> true;
              default -> false;
            };
        case "AverageHeartRateBpm", "MaximumHeartRateBpm", "HeartRateBpm" ->
            element.equals("Value");
        case "Trackpoint" ->
            switch (element) {
              case "Time", "AltitudeMeters", "DistanceMeters", "Cadence" -> true;
              default -> false;
            };
        case "Position" -> element.equals("LatitudeDegrees") || element.equals("LongitudeDegrees");
        case "TPX" ->
            ACTIVITY_EXTENSION.equals(xml.getNamespaceURI())
                && (element.equals("Speed") || element.equals("Watts"));
        default -> false;
      };
    }

    private void leaf(String parent, String element, String text) {
      switch (parent + "/" + element) {
        case "Activity/Notes", "Course/Name" -> name = text.isBlank() ? null : text.strip();
        case "Lap/TotalTimeSeconds" -> laps.seconds(Numbers.decimal(text));
        case "Lap/DistanceMeters" -> laps.distance(Numbers.decimal(text));
        case "Lap/Calories" -> laps.calories(Numbers.whole(text));
        case "AverageHeartRateBpm/Value" -> laps.averageHeartRate(Numbers.whole(text));
        case "MaximumHeartRateBpm/Value" -> laps.maximumHeartRate(Numbers.whole(text));
        default -> {
          if (point != null) {
            point.set(parent + "/" + element, text);
          }
        }
      }
    }

    private void end(String element) throws UnreadableFileException {
      if (element.equals("Lap")) {
        laps.endLap();
      } else if (element.equals("Trackpoint") && point != null) {
        samples.add(point.sample());
        point = null;
      }
    }
  }

  /** What one {@code Trackpoint} holds so far. */
  private static final class Point {
    private Instant time;
    private Double latitude;
    private Double longitude;
    private Double elevation;
    private Double distance;
    private Integer heartRate;
    private Integer cadence;
    private Integer watts;
    private Double speed;

    /** {@code element} as parent/name: {@code HeartRateBpm} only occurs in a trackpoint. */
    void set(String element, String text) {
      switch (element) {
        case "Trackpoint/Time" -> time = instant(text);
        case "Position/LatitudeDegrees" -> latitude = Numbers.decimal(text);
        case "Position/LongitudeDegrees" -> longitude = Numbers.decimal(text);
        case "Trackpoint/AltitudeMeters" -> elevation = Numbers.decimal(text);
        case "Trackpoint/DistanceMeters" -> distance = Numbers.decimal(text);
        case "Trackpoint/Cadence" -> cadence = Numbers.whole(text);
        case "HeartRateBpm/Value" -> heartRate = Numbers.whole(text);
        case "TPX/Speed" -> speed = Numbers.decimal(text);
        case "TPX/Watts" -> watts = Numbers.whole(text);
        default -> {}
      }
    }

    Sample sample() {
      return new Sample(
          time, latitude, longitude, elevation, distance, heartRate, cadence, watts, speed);
    }
  }

  /** xsd:dateTime; a time without an offset is taken as UTC, as Garmin's own files mean it. */
  private static Instant instant(String text) {
    // The API's own RFC 3339 reader first: reading by position, it is several times faster than
    // DateTimeFormatter, which took a third of a TCX file's reading (async-profiler).
    Optional<Instant> rfc3339 = Rfc3339.parse(text.strip());
    if (rfc3339.isPresent()) {
      return rfc3339.get();
    }
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return Instant.from(parsed);
    }
    return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
  }
}
