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
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      code = outOfMemory(cli.getErr());
    }
    System.exit(code);
  }

  /**
   * Out of memory: one line saying how much heap the JVM had and how to give it more, instead of the JVM's stack
   * trace. When the error reaches here the command's objects are unreachable: there is room again to print.
   */
  static int outOfMemory(PrintWriter err) {
    long mib = Runtime.getRuntime().maxMemory() >> 20;
    err.println("hubshare: out of memory: the Java heap (" + mib + " MiB here) is too small for this command; give "
        + "it more with java -Xmx (bin/hubshare: JAVA_OPTS=-Xmx...); docs/performance.md#memory says what each "
        + "computation needs");
    err.flush();
    return ExitCodes.FAILURE;
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
