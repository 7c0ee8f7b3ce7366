package dev.stride.sessions.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The media type of a JSON merge patch (RFC 7396), the only body PATCH takes. */
final class MergePatch {
  static final String MEDIA_TYPE = "application/merge-patch+json";

  private static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

  private MergePatch() {}

  /** Whether the request's body is sent as a merge patch (with any parameters, e.g. a charset). */
  static boolean isMergePatch(HttpHeaders headers) {
    if (headers.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      return false;
    }
    try {
      MediaType type = headers.getMediaType();
      return type.getType().equalsIgnoreCase(TYPE.getType())
          && type.getSubtype().equalsIgnoreCase(TYPE.getSubtype());
    } catch (RuntimeException e) {
      return false; // not a media type at all
    }
  }
}
