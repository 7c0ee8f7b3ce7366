package dev.stride.tester;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every command, so that scripts and CI can tell a wrong statistic from a service
 * that is down.
 */
public enum ExitCode {
  OK(0, "success; simulate: every statistic matched the sessions sent"),
  STATISTICS_DIFFER(1, "the statistics of the service differ from the sessions sent"),
  USAGE(2, "invalid command line"),
  SERVICE_UNREACHABLE(3, "the service cannot be reached (connection refused, timeout)"),
  REQUEST_REJECTED(4, "the service rejected a request with a 4xx problem"),
  SERVICE_FAILED(5, "the service answered 5xx even after retries, or an unreadable answer"),
  FILE_ERROR(6, "a file could not be read or written"),
  /**
   * Apart from {@link #REQUEST_REJECTED}: a refused token is fixed by giving another token, not by
   * looking at what was sent, and a script may want to fetch a new one and run again.
   */
  TOKEN_REFUSED(7, "the service refused the token (401): check --token / STRIDE_TOKEN"),
  EXPORT_DIFFERS(8, "export --check: the CSV export differs from the pages of GET /sessions"),
  INTERNAL_ERROR(70, "a bug in the tester");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code list shown at the end of every command's help. */
  public static Map<String, String> helpList() {
    var list = new LinkedHashMap<String, String>();
    for (var exitCode : values()) {
      list.put(String.format("%3d", exitCode.code), exitCode.meaning);
    }
    return list;
  }
}
