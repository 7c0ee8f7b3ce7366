package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.service.control.InParallel;
import dev.stride.tester.simulation.entity.SimulationPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The activity files of a simulation plan, written before the run is measured: each user's
 * sessions-per-user files in a folder of the user's own, file number {@code k} of the whole plan
 * starting {@code k} tracks after the plan's first day, so that every file is another and the same
 * seed writes the same files again (which Stride then answers with 200).
 */
public final class SimulatedFiles {

  private SimulatedFiles() {}

  /** When the plan's last file starts: Stride refuses sessions more than a day ahead. */
  public static Instant lastStart(SimulationPlan plan, FileGenerator generator) {
    return generator.startOf(plan.start(), (int) plan.sessions() - 1);
  }

  /** Writes the files on every core and gives them in the plan's order, as its users' imports. */
  public static List<FileImport.Request> write(
      SimulationPlan plan, FileGenerator generator, Path folder) {
    int perUser = plan.sessionsPerUser();
    return InParallel.map(
        IntStream.range(0, (int) plan.sessions()).boxed().toList(),
        index -> {
          String userId = plan.userId(index / perUser);
          ActivityFile file =
              generator.write(
                  folder.resolve(userId), index, generator.startOf(plan.start(), index));
          return new FileImport.Request(file, userId);
        },
        Runtime.getRuntime().availableProcessors());
  }
}
