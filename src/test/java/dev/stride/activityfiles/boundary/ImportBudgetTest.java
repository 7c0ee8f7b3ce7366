package dev.stride.activityfiles.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImportBudgetTest {
  private static ImportBudget budgetOf(int mib) {
    ImportBudget budget = new ImportBudget();
    budget.budgetMib = mib;
    budget.start();
    return budget;
  }

  @Test
  void smallFilesPassSideBySideAndALargeOneWaitsForRoom() throws Exception {
    ImportBudget budget = budgetOf(16);
    ImportBudget.Reservation first = budget.reserve(2_000_000L, false);
    ImportBudget.Reservation second = budget.reserve(2_000_000L, false);
    // A gzipped body may grow to the largest file: it waits until both are done.
    CompletableFuture<ImportBudget.Reservation> large =
        CompletableFuture.supplyAsync(() -> budget.reserve(1000L, true));
    assertThat(large).isNotDone();
    first.close();
    assertThat(large).isNotDone();
    second.close();
    large.get(5, TimeUnit.SECONDS).close();
    // All released: the whole budget is free again.
    budget.reserve(null, false).close();
  }
}
