package dev.stride.activityfiles.boundary;

import dev.stride.access.boundary.CurrentCaller;
import dev.stride.sessions.control.SessionFinder;
import dev.stride.sessions.control.SessionNotFoundException;
import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The session a path names, as the caller may see it: another user's is answered exactly as one
 * that does not exist (404), and so is a path segment that is not a UUID.
 */
@ApplicationScoped
class OwnSessions {
  @Inject SessionFinder finder;
  @Inject CurrentCaller caller;

  Session find(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new SessionNotFoundException(id);
    }
    if (!uuid.toString().equalsIgnoreCase(id)) {
      throw new SessionNotFoundException(id); // UUID.fromString accepts "1-1-1-1-1"
    }
    return finder
        .find(uuid)
        .filter(found -> caller.get().mayActFor(found.userId()))
        .orElseThrow(() -> new SessionNotFoundException(id));
  }
}
