package io.hubshare.cli;

import io.hubshare.analytics.MetricUnavailableException;
import io.hubshare.analytics.PlainText;
import io.hubshare.error.HubException;
import io.hubshare.error.OfflineException;
import io.hubshare.snapshot.CrawlStateException;
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
 * the user asked for something impossible (followed by a line saying where the command's help is), 1 when the hub,
 * the network or a file failed. The stack trace appears
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
    int code = exitCodeOf(ex);
    err.println("hubshare: " + context.redact(oneLine(messageOf(ex))));
    if (code == ExitCodes.USAGE) err.println("try '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
    if (debug(commandLine)) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      for (String line : context.redact(trace.toString()).split("\\R")) {
        // A stack trace's own tab stays; whatever a message in it holds is stripped.
        err.println(line.startsWith("\t") ? "\t" + PlainText.strip(line.substring(1)) : PlainText.strip(line));
      }
    }
    err.flush();
    return code;
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
    if (ex instanceof CrawlStateException c) return crawlMessage(c);
    if (ex instanceof MetricUnavailableException m) return metricMessage(m);
    if (ex instanceof OfflineException o) return offlineMessage(o);
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

  /** The library names its options; the command line names its own. */
  private static String crawlMessage(CrawlStateException e) {
    switch (e.reason()) {
      case OUTPUT_EXISTS:
        return e.out() + " exists: add --overwrite to replace it, or choose another --out";
      case INTERRUPTED:
        return "an interrupted crawl of " + e.out() + " left its pages in " + e.stateFiles().get(0) + ": run the "
            + "same command with --resume to continue it, or delete " + files(e.stateFiles()) + " to start again";
      default:
        return e.getMessage();
    }
  }

  /** The command line keeps no disk cache: offline, nothing the hub would answer can be read. */
  private static String offlineMessage(OfflineException e) {
    String what = e.url() == null ? "this command" : "GET " + e.url();
    return "offline mode is on (HF_HUB_OFFLINE) and " + what + " needs the hub: unset HF_HUB_OFFLINE to reach it, "
        + "or read a snapshot with --from (shares, lineage)";
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String files(java.util.List<java.nio.file.Path> files) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < files.size(); i++) {
      if (i > 0) b.append(i == files.size() - 1 ? " and " : ", ");
      b.append(files.get(i));
    }
    return b.toString();
  }

  /** What would carry the metric, in the command line's terms. */
  private static String metricMessage(MetricUnavailableException e) {
    String hint;
    switch (e.metric()) {
      case DOWNLOADS_ALL_TIME:
        hint = "all-time counts come with a live listing, or a snapshot made by 'hubshare crawl' (it asks for "
            + "downloadsAllTime by default); or use --metric downloads (the last 30 days)";
        break;
      case DOWNLOADS_BETWEEN:
        hint = "downloads between snapshots are differences of all-time counts: give two snapshots made by "
            + "'hubshare crawl' (it asks for downloadsAllTime by default)";
        break;
      default:
        hint = "crawl with the default --expand, which asks for every field shares use";
    }
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return (colon < 0 ? m : m.substring(0, colon)) + ": " + hint;
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
