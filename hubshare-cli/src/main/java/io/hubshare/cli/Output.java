package io.hubshare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.analytics.PlainText;
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

  /**
   * Prints {@code text} (it ends with its own line break). Whatever a hub or a file put in it, no control character
   * but line breaks and tabs reaches the terminal: an escape sequence in a model's name cannot repaint the screen.
   */
  void print(String text) {
    out.print(PlainText.printable(text));
    out.flush();
  }

  /** Prints a line, as {@link #print} does. */
  void println(String line) {
    out.println(PlainText.printable(line));
    out.flush();
  }

  /** Prints {@code node} as indented JSON. */
  void json(JsonNode node) {
    print(Json.pretty(node));
  }
}
