package dev.stride.activityfiles.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.activityfiles.entity.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * XML attacks on the three XML paths (GPX 1.0, GPX 1.1, TCX) and on format detection: a DOCTYPE is
 * refused before any parser could resolve an external entity (XXE) or expand entities without end
 * (billion laughs).
 */
class HostileXmlTest {
  private static final String DOCTYPE_REFUSED =
      "the file declares a DOCTYPE, which activity files never do; it is refused";

  private static final String EXTERNAL_ENTITY =
      "<!DOCTYPE root [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

  private static final String BILLION_LAUGHS =
      "<!DOCTYPE root [<!ENTITY lol \"lol\">"
          + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
          + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
          + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
          + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
          + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
          + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
          + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

  /** The XML kinds, each with its name element holding {@code &entity;}. */
  enum Kind {
    GPX_10(
        FileFormat.GPX,
        "<gpx version=\"1.0\" creator=\"x\" xmlns=\"http://www.topografix.com/GPX/1/0\">"
            + "<trk><name>&ENTITY;</name><trkseg><trkpt lat=\"1\" lon=\"1\">"
            + "<time>2024-01-01T07:00:00Z</time></trkpt></trkseg></trk></gpx>"),
    GPX_11(
        FileFormat.GPX,
        GpxReaderTest.gpx(
            "<trk><name>&ENTITY;</name><trkseg><trkpt lat=\"1\" lon=\"1\">"
                + "<time>2024-01-01T07:00:00Z</time></trkpt></trkseg></trk>")),
    TCX(
        FileFormat.TCX,
        TcxReaderTest.activity("Sport=\"Running\"", "")
            .replace("</Activity>", "<Notes>&ENTITY;</Notes></Activity>"));

    final FileFormat format;
    final String body;

    Kind(FileFormat format, String body) {
      this.format = format;
      this.body = body;
    }

    byte[] with(String doctype, String entity) {
      return ("<?xml version=\"1.0\"?>" + doctype + body.replace("ENTITY", entity)).getBytes(UTF_8);
    }
  }

  private final ActivityFileReader reader = new ActivityFileReader();

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anExternalEntityIsRefusedAndNeverRead(Kind kind) {
    byte[] file = kind.with(EXTERNAL_ENTITY, "xxe");

    assertThatThrownBy(() -> reader.read(kind.format, file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage(DOCTYPE_REFUSED)
        .hasNoCause();
    assertThatThrownBy(() -> ActivityFileReader.detect(file)).hasMessage(DOCTYPE_REFUSED);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void billionLaughsAreRefused(Kind kind) {
    byte[] file = kind.with(BILLION_LAUGHS, "lol9");

    assertThatThrownBy(() -> reader.read(kind.format, file)).hasMessage(DOCTYPE_REFUSED);
    assertThatThrownBy(() -> ActivityFileReader.detect(file)).hasMessage(DOCTYPE_REFUSED);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUndeclaredEntityWithoutDoctypeIsNotExpanded(Kind kind) {
    byte[] file = kind.with("", "xxe");

    assertThatThrownBy(() -> reader.read(kind.format, file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void aDoctypeInsideTheTcxIsRefusedByTheTcxReaderToo() {
    // The TCX reader guards itself as well, should it ever be called without the sniffing.
    byte[] file = Kind.TCX.with(EXTERNAL_ENTITY, "xxe");

    assertThatThrownBy(() -> new TcxReader().read(file)).hasMessage(DOCTYPE_REFUSED);
  }
}
