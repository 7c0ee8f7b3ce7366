package dev.stride.tester.service.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Requests for many items (users, tokens) sent side by side, a fixed number at a time. */
public final class InParallel {

  private InParallel() {}

  /**
   * The results of {@code work} for every item, in the items' order. The first failure is thrown
   * once the work under way has ended, so that nothing still runs when the caller goes on (e.g. to
   * delete what the work made).
   */
  public static <T, R> List<R> map(List<T> items, Function<T, R> work, int concurrency) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService workers =
        Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, items.size())));
    try {
      var answers = new ArrayList<Future<R>>(items.size());
      for (var item : items) {
        answers.add(workers.submit(() -> work.apply(item)));
      }
      var results = new ArrayList<R>(answers.size());
      for (var answer : answers) {
        results.add(answer.get());
      }
      return results;
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
      awaitEnd(workers);
    }
  }

  private static void awaitEnd(ExecutorService workers) {
    try {
      workers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
