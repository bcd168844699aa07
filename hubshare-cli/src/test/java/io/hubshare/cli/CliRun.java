package io.hubshare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import io.hubshare.HubClient;
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
    return run(context(Map.of()), args);
  }

  /**
   * A context reading {@code environment} only (never the machine's variables, properties or token file), without a
   * terminal, whose clients give up at once rather than retry.
   */
  static CliContext context(Map<String, String> environment) {
    return new CliContext(environment, false,
        () -> HubClient.builder().environment(environment).systemProperties(Map.of()).maxRetries(0));
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
