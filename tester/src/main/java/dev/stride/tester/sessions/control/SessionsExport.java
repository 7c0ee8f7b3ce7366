package dev.stride.tester.sessions.control;

import dev.stride.tester.service.control.ServiceFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, users.size()));
    try {
      var chains = new ArrayList<Future<Long>>();
      for (var user : users) {
        chains.add(workers.submit(() -> exportChain(query.forUser(user))));
      }
      long exported = 0;
      for (var chain : chains) {
        exported += chain.get();
      }
      return exported;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      workers.shutdownNow();
    }
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
