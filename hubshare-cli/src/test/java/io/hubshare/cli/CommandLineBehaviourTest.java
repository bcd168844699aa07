package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
  void noCommandIsAUsageErrorThatNamesTheCommands() {
    CliRun.Result r = CliRun.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "hubshare: name a command: shares, crawl, export, sql, model, variants, lineage, origins, index, help",
        "try 'hubshare --help'");
  }

  @Test
  void anUnknownOptionIsOneLineNamingItThenWhereToReadMore() {
    CliRun.Result r = CliRun.run("origins", "--colour", "red");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("hubshare: unknown option '--colour'", "try 'hubshare origins --help'");
  }

  @Test
  void theUnknownOptionIsNamedFirstWithASuggestionWhateverElseIsWrong() {
    // --bye leaves --by missing too: the typo is what the user must see.
    CliRun.Result typo = CliRun.run("shares", "--bye", "country", "--from", "x.jsonl.gz");
    CliRun.Result near = CliRun.run("shares", "--by", "country", "--form", "x.jsonl.gz");
    CliRun.Result command = CliRun.run("shres", "--by", "country");
    CliRun.Result extra = CliRun.run("model", "a/b", "c/d");

    assertThat(typo.errLines()).containsExactly("hubshare: unknown option '--bye' (did you mean --by?)",
        "try 'hubshare shares --help'");
    assertThat(near.errLines()).containsExactly("hubshare: unknown option '--form' (did you mean --format?)",
        "try 'hubshare shares --help'");
    assertThat(command.errLines()).containsExactly("hubshare: unknown command 'shres' (did you mean shares?)",
        "try 'hubshare --help'");
    assertThat(extra.errLines()).containsExactly("hubshare: unexpected argument 'c/d'", "try 'hubshare model --help'");
    for (CliRun.Result r : List.of(typo, near, command, extra)) {
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void aBadFormatValueNamesTheAcceptedOnes() {
    CliRun.Result r = CliRun.run("origins", "--format", "xml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("hubshare: invalid value for option '--format': 'xml' is not a format; "
        + "expected table, csv or json", "try 'hubshare origins --help'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shares", "crawl", "export", "sql", "model", "variants", "lineage", "origins", "help"})
  void helpCommandPrintsTheCommandsHelp(String command) {
    CliRun.Result viaHelp = CliRun.run("help", command);
    CliRun.Result viaOption = CliRun.run(command, "--help");

    assertThat(viaHelp.exitCode()).isZero();
    assertThat(viaHelp.err()).isEmpty();
    assertThat(viaHelp.out()).isEqualTo(viaOption.out()).contains("Usage: hubshare " + command);
  }

  @Test
  void helpAloneIsTheMainHelpAndAnUnknownCommandIsAUsageError() {
    CliRun.Result help = CliRun.run("help");
    CliRun.Result unknown = CliRun.run("help", "planet");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(CliRun.run("--help").out()).contains("  help ");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("hubshare: unknown command 'planet'", "try 'hubshare --help'");
  }

  /**
   * At any width, help breaks lines at spaces only: every word of every description (file names, tags, options)
   * is whole on one line of the output.
   */
  @ParameterizedTest
  @ValueSource(ints = {72, 80, 100, 132})
  void helpNeverBreaksAWord(int width) {
    List<String> commands = new java.util.ArrayList<>(List.of(""));
    commands.addAll(Main.commandLine(CliRun.context(Map.of())).getSubcommands().keySet());
    assertThat(commands).contains("shares", "crawl", "model", "variants", "lineage", "origins", "help");
    for (String command : commands) {
      picocli.CommandLine cli = Main.commandLine(CliRun.context(Map.of()));
      picocli.CommandLine target = command.isEmpty() ? cli : cli.getSubcommands().get(command);
      target.getCommandSpec().usageMessage().width(width);
      String help = target.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
      List<String> words = new java.util.ArrayList<>();
      picocli.CommandLine.Model.CommandSpec spec = target.getCommandSpec();
      for (String line : spec.usageMessage().description()) words.addAll(List.of(line.split(" +")));
      for (picocli.CommandLine.Model.ArgSpec arg : spec.args()) {
        for (String line : arg.description()) words.addAll(List.of(line.split(" +")));
      }
      for (picocli.CommandLine sub : spec.subcommands().values()) {
        String[] d = sub.getCommandSpec().usageMessage().header().length > 0
            ? sub.getCommandSpec().usageMessage().header() : sub.getCommandSpec().usageMessage().description();
        if (d.length > 0) words.addAll(List.of(d[0].split(" +")));
      }
      assertThat(words).as("words of %s", command).hasSizeGreaterThan(5);
      List<String> lines = help.lines().map(String::strip).toList();
      for (String word : words) {
        if (word.isBlank() || word.contains("${") || word.contains("%")) continue;
        assertThat(lines.stream().anyMatch(l -> l.contains(word)))
            .as("'%s' whole on one line of the help of '%s' at %d columns:%n%s", word, command, width, help).isTrue();
      }
      assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
      assertThat(help).endsWith("\n");
    }
  }

  @Test
  void theCrawlHelpKeepsItsExampleFileNameWhole() {
    picocli.CommandLine cli = Main.commandLine(CliRun.context(Map.of()));
    String help = cli.getSubcommands().get("crawl").getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);

    assertThat(help).contains("(hub-2026-08-31.jsonl.gz)").contains("base_model:quantized:Qwen/Qwen3-8B)");
  }

  @Test
  void anUnreachableHubFailsAtOnceInOneLineNamingTheUrl() throws Exception {
    int dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    // The clients retry as they do by default: the failure must not wait through the backoff.
    CliContext retrying = new CliContext(Map.of(), false,
        () -> io.hubshare.HubClient.builder().environment(Map.of()).systemProperties(Map.of()));
    CliContext offline = new CliContext(Map.of(), false,
        () -> io.hubshare.HubClient.builder().environment(Map.of()).systemProperties(Map.of())
            .okHttpClient(new okhttp3.OkHttpClient.Builder().dns(host -> {
              throw new java.net.UnknownHostException(host);
            }).build()));

    long started = System.nanoTime();
    CliRun.Result refused = CliRun.run(retrying, "model", "Qwen/Qwen3-8B", "--endpoint", "http://127.0.0.1:" + dead);
    CliRun.Result unresolved = CliRun.run(offline, "model", "Qwen/Qwen3-8B", "--endpoint", "https://hub.invalid");
    java.time.Duration both = java.time.Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).containsExactly("hubshare: cannot connect to 127.0.0.1:" + dead
        + " (Connection refused): GET http://127.0.0.1:" + dead + "/api/models/Qwen/Qwen3-8B failed");
    assertThat(unresolved.exitCode()).isEqualTo(1);
    assertThat(unresolved.errLines()).containsExactly("hubshare: cannot resolve hub.invalid (offline?): GET "
        + "https://hub.invalid/api/models/Qwen/Qwen3-8B failed");
    assertThat(both).isLessThan(java.time.Duration.ofSeconds(2));
  }

  @Test
  void offlineModeSaysWhatToDoInTheCommandLinesTerms() {
    CliRun.Result r = CliRun.run(CliRun.context(Map.of("HF_HUB_OFFLINE", "1")), "model", "Qwen/Qwen3-8B",
        "--endpoint", "http://127.0.0.1:9");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("hubshare: offline mode is on (HF_HUB_OFFLINE) and GET "
        + "http://127.0.0.1:9/api/models/Qwen/Qwen3-8B needs the hub: unset HF_HUB_OFFLINE to reach it, or read a "
        + "snapshot with --from (shares, lineage)");
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
