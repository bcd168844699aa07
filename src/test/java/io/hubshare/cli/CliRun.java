package io.hubshare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code hubshare} in-process, as {@link Main} would, with stdout and stderr captured. */
final class CliRun {
  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    /** The stderr lines, for asserting that an error took exactly one. */
    String[] errLines() {
      return err.isEmpty() ? new String[0] : err.split("\n");
    }
  }

  private CliRun() {}

  /** Runs {@code args} with an empty environment and no terminal. */
  static Result run(String... args) {
    return run(new CliContext(Map.of(), false), args);
  }

  /** Runs {@code args} in {@code context}. */
  static Result run(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(context);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
