package io.hubshare.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code hubshare} executable: {@code java -jar hubshare-cli.jar COMMAND ...}. Exits 0 on success, 1 when the
 * hub, the network or a file failed, 2 on wrong usage.
 */
public final class Main {
  private Main() {}

  /**
   * Runs one command and exits with its code.
   *
   * @param args the command line, such as {@code shares --by country --from hub.jsonl.gz}
   */
  public static void main(String[] args) {
    // Made first, while the heap is empty, and as bytes: printing it later must not need room the heap may not have.
    byte[] outOfMemory = ("hubshare: out of memory: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB here) is too small for this command; give it more with java -Xmx (bin/hubshare: JAVA_OPTS=-Xmx...); "
        + "docs/performance.md#memory says what each computation needs" + System.lineSeparator())
        .getBytes(StandardCharsets.UTF_8);
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      // One line instead of the JVM's stack trace, wherever the command ran out (setting up included).
      System.err.write(outOfMemory, 0, outOfMemory.length);
      System.err.flush();
      code = ExitCodes.FAILURE;
    }
    System.exit(code);
  }

  private static int run(String[] args) {
    // Charts are drawn off-screen: no display is needed, nor wanted on a server.
    System.setProperty("java.awt.headless", "true");
    try {
      Logging.configure(Arrays.asList(args).contains("--debug"));
    } catch (LinkageError e) {
      // A module graph without java.logging: the JDK's own minimal logger applies, and nothing is lost.
    }
    CliContext context = CliContext.system();
    CommandLine cli = commandLine(context);
    cli.setOut(writer(System.out));
    cli.setErr(writer(System.err));
    return cli.execute(args);
  }

  /** The command tree for {@code context}, with hubshare's error handling; tests execute it in-process. */
  static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new HubshareCommand(context));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(OutputFormat.class, new Converters.FormatConverter());
    cli.setHelpFactory(new HelpLayout());
    cli.setParameterExceptionHandler(new UsageErrorReporter());
    cli.setExecutionExceptionHandler(new ErrorReporter(context));
    return cli;
  }

  // JSON and CSV are UTF-8 when piped, whatever the locale; a terminal gets its own charset.
  private static PrintWriter writer(PrintStream stream) {
    Console console = System.console();
    Charset charset = console != null ? console.charset() : StandardCharsets.UTF_8;
    return new PrintWriter(new OutputStreamWriter(stream, charset), true);
  }
}
