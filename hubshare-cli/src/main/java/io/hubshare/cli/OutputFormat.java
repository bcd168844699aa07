package io.hubshare.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** How a command prints its result: aligned columns for people, CSV for spreadsheets, JSON for scripts. */
enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /**
   * This format, refused when it is CSV, for commands whose result is not one table.
   *
   * @throws ParameterException (exit code 2, with the usage) for CSV
   */
  OutputFormat withoutCsv(CommandSpec spec) {
    if (this == CSV) {
      throw new ParameterException(spec.commandLine(),
          "--format csv is not available for '" + spec.name() + "': use table or json");
    }
    return this;
  }
}
