package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Length;
import io.jenetics.jpx.Metadata;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * GPX 1.0 and 1.1 through jpx: the points of the file's one track, all its segments; routes and
 * waypoints are plans, not a recording, and are ignored. Heart rate and cadence come from Garmin's
 * TrackPointExtension (v1 or v2), power from a {@code power} element in the point's extensions (as
 * Strava and others write it). GPX states no totals.
 *
 * <p>jpx parses with the XML factories of {@link JpxXmlFactories} (no DTD); before that, the file
 * is read once with {@link GpxPointExtensions} through {@link SafeXml}, which refuses a DOCTYPE and
 * what is not well-formed and reads the points' heart rate, cadence and power.
 */
final class GpxReader {
  private static final Set<String> TRACK_POINT_EXTENSIONS =
      Set.of(
          "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
          "http://www.garmin.com/xmlschemas/TrackPointExtension/v2");

  Recording read(byte[] file, QName root) throws UnreadableFileException {
    // jpx's LENIENT mode loops for ever on XML that is not well-formed (MutatedFilesTest found it):
    // this pass refuses such a file first, and reads the points' extensions on the way.
    List<GpxPointExtensions.Values> extensions = GpxPointExtensions.read(file);
    GPX gpx = parse(file, root);
    List<Track> tracks = gpx.getTracks();
    if (tracks.size() > 1) {
      throw Unreadable.moreThanOneActivity(FileFormat.GPX);
    }
    TimedSamples samples = new TimedSamples(FileFormat.GPX);
    Optional<Track> track = tracks.stream().findFirst();
    if (track.isPresent()) {
      List<WayPoint> points =
          track.get().getSegments().stream().flatMap(TrackSegment::points).toList();
      // One value per trkpt of the file, in order, unless jpx left a point out (LENIENT drops
      // one it cannot make sense of): then each point's extensions come from jpx's copy.
      boolean aligned = points.size() == extensions.size();
      for (int i = 0; i < points.size(); i++) {
        WayPoint point = points.get(i);
        samples.add(sampleOf(point, aligned ? extensions.get(i) : fromJpx(point)));
      }
    }
    String name =
        track
            .flatMap(Track::getName)
            .or(() -> gpx.getMetadata().flatMap(Metadata::getName))
            .filter(text -> !text.isBlank())
            .orElse(null);
    String sport = track.flatMap(Track::getType).orElse(null);
    return new Recording(
        FileFormat.GPX, Sports.activityOf(sport), name, samples.inTimeOrder(), FileTotals.NONE);
  }

  private static GPX parse(byte[] file, QName root) throws UnreadableFileException {
    GPX.Version version =
        GPX.Version.V10.getNamespaceURI().equals(root.getNamespaceURI())
            ? GPX.Version.V10
            : GPX.Version.V11;
    try {
      // LENIENT: a point with one bad value loses that value, not the whole file.
      return GPX.Reader.of(version, GPX.Reader.Mode.LENIENT).read(new ByteArrayInputStream(file));
    } catch (IOException | RuntimeException e) {
      throw Unreadable.corrupt(FileFormat.GPX, e);
    }
  }

  private static Sample sampleOf(WayPoint point, GpxPointExtensions.Values extensions) {
    return new Sample(
        point.getTime().orElse(null),
        point.getLatitude().doubleValue(),
        point.getLongitude().doubleValue(),
        point.getElevation().map(Length::doubleValue).orElse(null),
        null,
        extensions.heartRate(),
        extensions.cadence(),
        extensions.power(),
        point.getSpeed().map(speed -> speed.doubleValue()).orElse(null));
  }

  /** A point's extensions as jpx gives them (a DOM copy each time: the slow way). */
  private static GpxPointExtensions.Values fromJpx(WayPoint point) {
    Optional<Element> extensions = point.getExtensions().map(Document::getDocumentElement);
    return new GpxPointExtensions.Values(
        extensions.map(e -> integer(e, TRACK_POINT_EXTENSIONS, "hr")).orElse(null),
        extensions.map(e -> integer(e, TRACK_POINT_EXTENSIONS, "cad")).orElse(null),
        extensions.map(e -> integer(e, null, "power")).orElse(null));
  }

  /**
   * The whole number in the first element named {@code localName} under {@code extensions} (in one
   * of {@code namespaces}, or in any when {@code null}); {@code null} when there is none or it is
   * not a number, as a bad sensor value should not cost the whole file.
   */
  private static Integer integer(Element extensions, Set<String> namespaces, String localName) {
    NodeList candidates = extensions.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < candidates.getLength(); i++) {
      Node node = candidates.item(i);
      if (namespaces == null || namespaces.contains(node.getNamespaceURI())) {
        return Numbers.wholeOrNull(node.getTextContent());
      }
    }
    return null;
  }
}
