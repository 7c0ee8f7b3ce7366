package dev.stride.sessions.control;

import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.control.SessionChanges.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Positions of the changes feed as clients hold them: opaque text, signed with the key of the list
 * cursors together with the feed's user filter, so that a client can neither forge nor alter one,
 * nor use it with another filter (a 400 either way).
 */
@ApplicationScoped
public class ChangePositions {
  /** xid, whether an id follows, the id (zero without). */
  private static final int POSITION_BYTES = Long.BYTES + 1 + 2 * Long.BYTES;

  private static final int TOKEN_BYTES = POSITION_BYTES + Cursors.MAC_BYTES;

  @Inject Cursors cursors;

  /** The text of a position of the feed of {@code userId} (null: everyone's). */
  public String issue(Position position, String userId) {
    ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
    token.putLong(position.xid());
    UUID after = position.after();
    token.put((byte) (after == null ? 0 : 1));
    token.putLong(after == null ? 0 : after.getMostSignificantBits());
    token.putLong(after == null ? 0 : after.getLeastSignificantBits());
    token.put(cursors.mac(token.array(), POSITION_BYTES, context(userId)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /** The position a text names, if this server issued it for this filter; else a 400. */
  public Position read(String text, String userId) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (token.length != TOKEN_BYTES
        || !MessageDigest.isEqual(
            cursors.mac(token, POSITION_BYTES, context(userId)),
            Arrays.copyOfRange(token, POSITION_BYTES, TOKEN_BYTES))) {
      throw invalid();
    }
    ByteBuffer position = ByteBuffer.wrap(token);
    long xid = position.getLong();
    boolean hasId = position.get() == 1;
    UUID after = new UUID(position.getLong(), position.getLong());
    return new Position(xid, hasId ? after : null);
  }

  private static String context(String userId) {
    return "changes|u=" + (userId == null ? "" : userId);
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException(
        "since", "is not a position that this server issued for this userId filter");
  }
}
