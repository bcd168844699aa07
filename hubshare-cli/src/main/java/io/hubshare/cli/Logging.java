package io.hubshare.cli;

import io.hubshare.analytics.PlainText;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the library's {@code System.Logger} messages look like from the command line: nothing below WARNING, one
 * line each; with {@code --debug}, hubshare's own from DEBUG up (retries, waits, pages), so that a slow or failing
 * run can be followed. The library never logs a token.
 */
final class Logging {
  /** Held so that its level survives: the JDK keeps loggers only weakly. */
  private static final Logger HUBSHARE = Logger.getLogger("io.hubshare");

  private Logging() {}

  /** Configures the JDK's logging for this process, which backs {@code System.Logger} by default. */
  static void configure(boolean debug) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) root.removeHandler(h);
    ConsoleHandler stderr = new ConsoleHandler();
    stderr.setLevel(debug ? Level.FINE : Level.WARNING);
    stderr.setFormatter(new OneLine());
    root.addHandler(stderr);
    root.setLevel(Level.WARNING);
    // Only hubshare's own messages go below WARNING: the JDK's and OkHttp's would drown them.
    HUBSHARE.setLevel(debug ? Level.FINE : Level.WARNING);
  }

  /** {@code hubshare [WARNING] io.hubshare.transport: message}. */
  private static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord r) {
      String source = r.getLoggerName() == null ? "" : " " + r.getLoggerName() + ":";
      // A log line may quote a hub (a path, a message): no control character of it reaches the terminal.
      return "hubshare [" + r.getLevel().getName() + "]" + source + " " + PlainText.strip(formatMessage(r))
          + System.lineSeparator();
    }
  }
}
