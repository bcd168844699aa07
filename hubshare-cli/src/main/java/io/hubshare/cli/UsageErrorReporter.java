package io.hubshare.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line hubshare cannot parse: one line that names what is wrong (an unknown option first of all), then
 * where to read more, and exit code 2. The usage is not printed: it is pages long and hides the one line that
 * matters.
 *
 * <pre>
 * hubshare: unknown option '--form' (did you mean --format?)
 * try 'hubshare shares --help'
 * </pre>
 */
final class UsageErrorReporter implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("hubshare: " + message(ex));
    err.println("try '" + command.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * The one line. An unknown option or command comes first, whatever else is wrong: {@code --bye country} is
   * reported as the unknown {@code --bye}, not as the {@code --by} it leaves missing.
   */
  static String message(ParameterException ex) {
    CommandLine command = ex.getCommandLine();
    List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched()
        : command.getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      String first = unmatched.get(0);
      boolean hasCommands = !command.getSubcommands().isEmpty();
      if (!first.startsWith("-") && hasCommands) {
        return "unknown command '" + first + "'" + didYouMean(new UnmatchedArgumentException(command, unmatched));
      }
      String option = firstOption(unmatched);
      if (option != null) {
        return "unknown option '" + option + "'"
            + didYouMean(new UnmatchedArgumentException(command, List.of(option)));
      }
      return "unexpected argument '" + first + "'" + (unmatched.size() > 1 ? " (and " + (unmatched.size() - 1)
          + " more)" : "");
    }
    String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().strip();
    m = m.replaceAll("\\s*\\R\\s*", " ").replace("subcommand", "command");
    if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  private static String firstOption(List<String> args) {
    for (String a : args) {
      if (a.startsWith("-") && a.length() > 1) return a;
    }
    return null;
  }

  private static String didYouMean(UnmatchedArgumentException u) {
    List<String> suggestions = u.getSuggestions();
    return suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
  }
}
