package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.Track;
import dev.stride.tester.activityfiles.entity.TrackPoint;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.TrackSegment;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a track as GPX 1.1 with jpx: {@code metadata/name} and {@code trk/name} hold the track's
 * name, {@code trk/type} its activity, and every point carries Garmin's TrackPointExtension v1 with
 * heart rate and cadence, as Garmin Connect and Strava export them. GPX has no totals: Stride
 * measures the distance along the points and averages the heart rates.
 */
final class GpxFile {

  static final String TRACK_POINT_EXTENSION =
      "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

  private static final String GPX_1_1 = "http://www.topografix.com/GPX/1/1";

  /** Seven decimals of a degree are a centimetre, as precise as a watch's GPS. */
  private static final GPX.Writer WRITER = GPX.Writer.of(new GPX.Writer.Indent("  "), 7);

  private GpxFile() {}

  static void write(Track track, OutputStream out) throws IOException {
    DocumentBuilder documents = documentBuilder();
    var gpx =
        GPX.builder()
            .creator("stride-tester")
            .metadata(metadata -> metadata.name(track.name()).time(track.start()))
            .addTrack(
                trk ->
                    trk.name(track.name())
                        .type(track.activity().wireName())
                        .addSegment(segment(track, documents)))
            .build();
    WRITER.write(gpx, out);
  }

  private static TrackSegment segment(Track track, DocumentBuilder documents) {
    var segment = TrackSegment.builder();
    for (var point : track.points()) {
      segment.addPoint(
          waypoint ->
              waypoint
                  .lat(point.latitude())
                  .lon(point.longitude())
                  .ele(Math.round(point.elevationMeters() * 10) / 10.0)
                  .time(point.time())
                  .extensions(extensionOf(point, documents)));
    }
    return segment.build();
  }

  /** {@code <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>…}: jpx wants the whole element. */
  private static Document extensionOf(TrackPoint point, DocumentBuilder documents) {
    Document document = documents.newDocument();
    Element extensions = document.createElementNS(GPX_1_1, "extensions");
    Element trackPoint =
        document.createElementNS(TRACK_POINT_EXTENSION, "gpxtpx:TrackPointExtension");
    trackPoint.appendChild(text(document, "gpxtpx:hr", point.heartRate()));
    trackPoint.appendChild(text(document, "gpxtpx:cad", point.cadence()));
    extensions.appendChild(trackPoint);
    document.appendChild(extensions);
    return document;
  }

  private static Element text(Document document, String name, int value) {
    Element element = document.createElementNS(TRACK_POINT_EXTENSION, name);
    element.setTextContent(Integer.toString(value));
    return element;
  }

  private static DocumentBuilder documentBuilder() {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK has no XML document builder", e);
    }
  }
}
