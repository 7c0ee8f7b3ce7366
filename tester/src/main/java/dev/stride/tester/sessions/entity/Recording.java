package dev.stride.tester.sessions.entity;

import dev.stride.tester.service.entity.Problem;

/**
 * How the service answered sessions sent to it: 201 with new sessions, 200 when all were known
 * already, or a 4xx with its problem and nothing stored.
 */
public record Recording(int status, int created, int existing, Problem problem) {

  public boolean stored() {
    return problem == null;
  }
}
