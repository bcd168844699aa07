package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineBehaviourTest {

  @ParameterizedTest
  @ValueSource(strings = {"shares", "crawl", "model", "variants", "lineage", "origins"})
  void everyCommandHasHelp(String command) {
    CliRun.Result r = CliRun.run(command, "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: hubshare " + command).contains("--help").contains("--version")
        .contains("--debug");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shares", "crawl", "model", "variants", "lineage", "origins"})
  void everyCommandHasVersion(String command) {
    CliRun.Result r = CliRun.run(command, "--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("hubshare ").contains("Java ");
  }

  @Test
  void theRootHelpListsEveryCommandAndTheExitCodes() {
    CliRun.Result r = CliRun.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("shares", "crawl", "model", "variants", "lineage", "origins", "Exit codes:");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun.Result r = CliRun.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("Missing required subcommand").contains("Usage: hubshare");
  }

  @Test
  void anUnknownOptionPrintsPicocliUsageAndExitsTwo() {
    CliRun.Result r = CliRun.run("origins", "--colour", "red");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Unknown option: '--colour'").contains("Usage: hubshare origins");
  }

  @Test
  void aBadFormatValueNamesTheAcceptedOnes() {
    CliRun.Result r = CliRun.run("origins", "--format", "xml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--format").contains("TABLE, CSV, JSON");
  }

  @Test
  void errorsShowNoStackTraceUnlessDebugIsGiven(@TempDir Path dir) {
    String absent = dir.resolve("absent.csv").toString();

    CliRun.Result quiet = CliRun.run("origins", "--origins", absent);
    CliRun.Result debug = CliRun.run("origins", "--origins", absent, "--debug");
    CliRun.Result debugFirst = CliRun.run("--debug", "origins", "--origins", absent);

    assertThat(quiet.errLines()).hasSize(1);
    assertThat(quiet.err()).doesNotContain("\tat ");
    for (CliRun.Result r : new CliRun.Result[] {debug, debugFirst}) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.errLines()[0]).isEqualTo(quiet.errLines()[0]);
      assertThat(r.err()).contains("io.hubshare.cli.CliFailure").contains("\tat io.hubshare.cli.");
    }
  }

  @Test
  void aTokenFromTheEnvironmentNeverReachesStderr(@TempDir Path dir) {
    String token = "hf_" + "abcdefghijklmnopqrstuvwxyz012345";
    CliContext context = CliRun.context(Map.of("HF_TOKEN", token));
    // A file named like the token stands in for any message that would quote it.
    CliRun.Result r = CliRun.run(context, "origins", "--origins", dir.resolve(token).toString(), "--debug");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).doesNotContain(token).contains("***");
  }
}
