package dev.stride.tester.activityfiles.entity;

/**
 * One file of an import as the report lists it.
 *
 * @param status the HTTP status answered, or 0 when there was none
 * @param sessionId the session created or found, or {@code null}
 * @param detail the problem's detail of a 4xx or 5xx, or why the file was not sent
 */
public record ImportRow(
    ActivityFile file, ImportOutcome outcome, int status, String sessionId, String detail) {

  /** A file that got no answer: unreadable here, or not sent after the run stopped. */
  public static ImportRow notAnswered(ActivityFile file, String why) {
    return new ImportRow(file, ImportOutcome.FAILED, 0, null, why);
  }
}
