package io.hubshare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's result goes: its command line's stdout, flushed after each piece. */
final class Output {
  private final PrintWriter out;

  private Output(PrintWriter out) {
    this.out = out;
  }

  /** The stdout of the command {@code spec} describes. */
  static Output of(CommandSpec spec) {
    return new Output(spec.commandLine().getOut());
  }

  /** Prints {@code text} as is (it ends with its own line break). */
  void print(String text) {
    out.print(text);
    out.flush();
  }

  /** Prints a line. */
  void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Prints {@code node} as indented JSON. */
  void json(JsonNode node) {
    print(Json.pretty(node));
  }

  /** Prints {@code table} in {@code format}: aligned columns or CSV. */
  void table(TextTable table, OutputFormat format) {
    print(format == OutputFormat.CSV ? table.toCsv() : table.toText());
  }
}
