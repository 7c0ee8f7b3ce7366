package dev.stride.tester.sessions.control;

import dev.stride.tester.service.control.InParallel;
import dev.stride.tester.service.control.ServiceFailedException;
import java.util.List;
import java.util.Objects;

/**
 * Copies stored sessions into a CSV file, page by page, following {@code nextCursor} until it is
 * {@code null}. Several users are exported side by side, one cursor chain each.
 */
public final class SessionsExport {

  private final SessionsClient sessions;
  private final SessionsCsv csv;
  private final int pageSize;
  private final int concurrency;

  public SessionsExport(SessionsClient sessions, SessionsCsv csv, int pageSize, int concurrency) {
    this.sessions = sessions;
    this.csv = csv;
    this.pageSize = pageSize;
    this.concurrency = concurrency;
  }

  /** Exports the matching sessions of these users, or of everybody; returns how many. */
  public long export(SessionsQuery query, List<String> users) {
    if (users.isEmpty()) {
      return exportChain(query);
    }
    return InParallel.map(users, user -> exportChain(query.forUser(user)), concurrency).stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private long exportChain(SessionsQuery query) {
    long exported = 0;
    String cursor = null;
    do {
      var page = sessions.list(query, cursor, pageSize);
      csv.writeStored(page.items());
      exported += page.items().size();
      if (page.nextCursor() != null && Objects.equals(page.nextCursor(), cursor)) {
        throw new ServiceFailedException("GET /sessions answered the same nextCursor twice");
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return exported;
  }
}
