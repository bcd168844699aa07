package io.hubshare.cli;

import io.hubshare.analytics.PlainText;
import io.hubshare.error.HubException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command throws into one line on stderr, {@code hubshare: <message>}, and an exit code: 2 when
 * the user asked for something impossible, 1 when the hub, the network or a file failed. The stack trace appears
 * only with {@code --debug}; a token from the environment never appears at all.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final CliContext context;

  ErrorReporter(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("hubshare: " + context.redact(oneLine(messageOf(ex))));
    if (debug(commandLine)) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      for (String line : context.redact(trace.toString()).split("\\R")) {
        // A stack trace's own tab stays; whatever a message in it holds is stripped.
        err.println(line.startsWith("\t") ? "\t" + PlainText.strip(line.substring(1)) : PlainText.strip(line));
      }
    }
    err.flush();
    return exitCodeOf(ex);
  }

  /** The exit code for {@code ex}: 2 for a usage error, 1 for anything else. */
  static int exitCodeOf(Throwable ex) {
    if (ex instanceof CliFailure f) return f.exitCode();
    if (ex instanceof IllegalArgumentException) return ExitCodes.USAGE;
    return ExitCodes.FAILURE;
  }

  /** What the user reads: the library's own message, or a plain description of an I/O failure. */
  static String messageOf(Throwable ex) {
    if (ex instanceof CliFailure) return ex.getMessage();
    if (ex instanceof UncheckedIOException u) return messageOf(u.getCause());
    if (ex instanceof NoSuchFileException e) return "no such file: " + e.getFile();
    if (ex instanceof FileAlreadyExistsException e) return "file already exists: " + e.getFile();
    if (ex instanceof AccessDeniedException e) return "permission denied: " + e.getFile();
    if (ex instanceof HubException h) return hubMessage(h);
    if (ex instanceof IOException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
      return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    }
    String detail = ex.getMessage() == null ? "" : ": " + ex.getMessage();
    return "unexpected " + ex.getClass().getName() + detail + " (run again with --debug for the stack trace)";
  }

  private static String hubMessage(HubException h) {
    String m = h.getMessage() != null ? h.getMessage() : h.getClass().getSimpleName();
    if (h.requestId() != null && !m.contains(h.requestId())) m += " (request id " + h.requestId() + ")";
    return m;
  }

  // One line, and nothing a hub wrote into a message (an escape sequence, a bidi override) reaches the terminal.
  private static String oneLine(String message) {
    return PlainText.strip(message.strip().replaceAll("\\s*\\R\\s*", " ")).strip();
  }

  private static boolean debug(CommandLine commandLine) {
    return commandLine.getCommandSpec().root().userObject() instanceof HubshareCommand root && root.debug();
  }
}
