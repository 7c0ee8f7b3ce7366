package dev.stride.tester;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The tester's command line as a test runs it: everything a run prints is kept, run after run. */
final class Console {

  private final StringWriter output = new StringWriter();
  private final StringWriter errors = new StringWriter();

  int run(Map<String, String> environment, String... args) {
    var commandLine = Tester.commandLine(environment);
    commandLine.setOut(new PrintWriter(output, true));
    commandLine.setErr(new PrintWriter(errors, true));
    return commandLine.execute(args);
  }

  String output() {
    return output.toString();
  }

  String errors() {
    return errors.toString();
  }
}
