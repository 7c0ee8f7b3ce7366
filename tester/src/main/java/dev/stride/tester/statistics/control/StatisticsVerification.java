package dev.stride.tester.statistics.control;

import dev.stride.tester.statistics.entity.Difference;
import dev.stride.tester.statistics.entity.UserStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the service's statistics of every simulated user (UTC, all time) against what the sessions
 * it accepted imply.
 */
public final class StatisticsVerification {

  /** The statistics as reported, in the users' order, and every field that differs. */
  public record Result(List<UserStatistics> reported, List<Difference> differences) {

    public boolean passed() {
      return differences.isEmpty();
    }
  }

  private final StatisticsClient statistics;
  private final int concurrency;

  public StatisticsVerification(StatisticsClient statistics, int concurrency) {
    this.statistics = statistics;
    this.concurrency = concurrency;
  }

  public Result verify(List<ExpectedStatistics> users) {
    var userIds = users.stream().map(ExpectedStatistics::userId).toList();
    var reported = statistics.statisticsOf(userIds, StatisticsQuery.ALL_TIME_UTC, concurrency);
    var differences = new ArrayList<Difference>();
    for (int i = 0; i < users.size(); i++) {
      differences.addAll(StatisticsComparison.compare(users.get(i).statistics(), reported.get(i)));
    }
    return new Result(reported, differences);
  }
}
