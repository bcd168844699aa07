package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 12 and the command-line side of 9 and 13: what a hostile hub or file says reaches a spreadsheet as text and a
 * terminal without control characters; negative counts and bad bytes give a result or a one-line error, never a
 * raw exception.
 */
class HostileOutputTest extends LocalHubTest {
  private static final String ESC = "\u001b";
  @TempDir Path dir;

  /** A snapshot of models whose authors are the given strings, 100 downloads each. */
  private Path snapshot(String... authors) throws Exception {
    StringBuilder lines = new StringBuilder();
    int i = 0;
    for (String author : authors) {
      String json = author.replace("\\", "\\\\").replace("\"", "\\\"").replace(ESC, "\\u001b")
          .replace("\u202e", "\\u202e").replace("\u0007", "\\u0007");
      lines.append("{\"id\":\"acct").append(i).append("/m").append(i++).append("\",\"author\":\"").append(json)
          .append("\",\"downloads\":100,\"tags\":[]}\n");
    }
    Path source = Files.writeString(dir.resolve("models.jsonl"), lines.toString(), StandardCharsets.UTF_8);
    Path out = dir.resolve("crafted.jsonl.gz");
    Snapshots.importLines(source, out, SnapshotHeader.describing("huggingface", "https://huggingface.co",
        Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-08-01T01:00:00Z"), null, null), true);
    return out;
  }

  @Test
  void csvCellsThatASpreadsheetWouldEvaluateAreNeutralised() throws Exception {
    Path file = snapshot("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-sum(A1)", "@SUM(1)",
        "plain");

    CliRun.Result r = CliRun.run("shares", "--by", "account", "--from", file.toString(), "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String line : r.out().split("\r?\n")) {
      for (String cell : line.split(",")) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(c).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        if (c.startsWith("-")) assertThat(c).matches("-[0-9.]+");
      }
    }
    assertThat(r.out()).contains("'=cmd|' /C calc'!A0").contains("'@SUM(1)").contains("plain");
  }

  @Test
  void tableOutputHoldsNoEscapeSequenceNorBidiOverride() throws Exception {
    Path file = snapshot("evil" + ESC + "[2J" + ESC + "]0;owned" + "\u0007name", "rtl\u202eoverride");

    CliRun.Result r = CliRun.run("shares", "--by", "account", "--from", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain(ESC).doesNotContain("\u0007").doesNotContain("\u202e")
        .contains("evil[2J]0;owned");
  }

  @Test
  void anErrorMessageFromTheHubReachesTheTerminalWithoutControlCharacters() {
    server.enqueue(new MockResponse.Builder().code(400).addHeaderLenient("X-Request-Id", "req" + ESC + "[31m")
        .body("{\"error\":\"bad " + ESC + "[2J request\\u0007\"}").build());

    CliRun.Result r = CliRun.run("model", "a/b", "--endpoint", endpoint);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("hubshare: ").doesNotContain(ESC).doesNotContain("\u0007")
        .contains("bad [2J request");
  }

  @Test
  void aModelViewOfAHubThatPutsEscapeSequencesInItsFieldsPrintsNone() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"a/b\",\"author\":\"a\",\"pipeline_tag\":\"text\\u001b[2J\\u001b]0;owned\\u0007-generation\","
            + "\"library_name\":\"tf\\u202eevil\",\"tags\":[\"x\\u001b[31m\"],\"downloads\":5}").build());

    CliRun.Result r = CliRun.run("model", "a/b", "--endpoint", endpoint);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain(ESC).doesNotContain("\u0007").doesNotContain("\u202e").contains("a/b");
  }

  @Test
  void negativeCountsGiveSharesAndSayHowManyNotExit2() throws Exception {
    StringBuilder lines = new StringBuilder();
    lines.append("{\"id\":\"Qwen/a\",\"author\":\"Qwen\",\"downloads\":-5,\"tags\":[]}\n");
    lines.append("{\"id\":\"Qwen/b\",\"author\":\"Qwen\",\"downloads\":10,\"tags\":[]}\n");
    lines.append("{\"id\":\"google/c\",\"author\":\"google\",\"downloads\":30,\"tags\":[]}\n");
    Path source = Files.writeString(dir.resolve("neg.jsonl"), lines.toString());
    Path file = dir.resolve("neg.jsonl.gz");
    Snapshots.importLines(source, file, SnapshotHeader.describing("huggingface", "https://huggingface.co",
        Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-08-01T01:00:00Z"), null, null), true);

    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 of them with a negative count, read as absent");
  }

  @Test
  void anOriginsFileWithBytesThatAreNotUtf8IsOneLineNamingFileAndLine() throws Exception {
    byte[] csv = ("account,organization,country,kind,source\nsome-lab,Some Lab,FR,company,https://example.org/a\n"
        + "other-lab,Other Lab XX,DE,company,https://example.org/b\n").getBytes(StandardCharsets.UTF_8);
    String text = new String(csv, StandardCharsets.UTF_8);
    csv[text.indexOf("XX")] = (byte) 0xFF;
    Path origins = Files.write(dir.resolve("origins.csv"), csv);
    Path file = snapshot("Qwen");

    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", file.toString(), "--origins",
        origins.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    // One line naming what is wrong, then (exit 2) where the help is.
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines()[1]).isEqualTo("try 'hubshare shares --help'");
    assertThat(r.errLines()[0]).contains(origins.toString()).contains("line 3").contains("not UTF-8")
        .doesNotContain("Input length");
    assertThat(List.of(r.err().split("\n"))).noneMatch(l -> l.contains("Exception"));
  }
}
