package io.hubshare.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare}: the root of the command tree. It holds what every command shares: the context (environment,
 * terminal) and {@code --debug}; {@code --help} and {@code --version} are inherited by every command.
 */
@Command(
    name = "hubshare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    synopsisSubcommandLabel = "COMMAND",
    description = "Download shares of open models on Hugging Face and ModelScope, by country, organisation, family and more, "
        + "from a live hub or from stored snapshots.",
    subcommands = {SharesCommand.class, CrawlCommand.class, ExportCommand.class, SqlCommand.class, ModelCommand.class,
        VariantsCommand.class, LineageCommand.class, OriginsCommand.class, IndexCommand.class, HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the hub, the network or a file failed",
        "2:wrong usage: unknown option, bad value, invalid id"})
final class HubshareCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On error, print the stack trace as well as the message.")
  private boolean debug;

  HubshareCommand(CliContext context) {
    this.context = context;
  }

  /** The environment and terminal the commands run in. */
  CliContext context() {
    return context;
  }

  /** Whether {@code --debug} was given, on this command or a subcommand. */
  boolean debug() {
    return debug;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name a command: "
        + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }
}
