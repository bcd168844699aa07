package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list API's objects one per line without a hubshare header, as other clients dump them, gzip or plain text:
 * they open as a snapshot whose time comes from the path, or is given, or is unknown.
 */
class HeaderlessSnapshotTest {
  private final List<String> lines = SampleModels.lines().subList(0, 120);

  @TempDir
  Path dir;

  private Path gzip(Path f, List<String> content) throws IOException {
    Files.createDirectories(f.getParent());
    return Files.write(f, Gzip.member(content));
  }

  @Test
  void gzipAndPlainDumpsReadLikeTheSameModelsBehindAHeader() throws IOException {
    Path gz = gzip(dir.resolve("dump.jsonl.gz"), lines);
    List<String> spaced = new ArrayList<>(lines);
    spaced.add(40, "   ");
    spaced.add(0, "");
    Path plain = Files.write(dir.resolve("dump.jsonl"), spaced, StandardCharsets.UTF_8);
    List<String> expected = lines.stream().map(l -> SampleModels.models().stream().filter(m -> m.rawJson().equals(l))
        .findFirst().orElseThrow().id()).toList();
    for (Path f : List.of(gz, plain)) {
      try (Snapshot s = Snapshots.open(f)) {
        assertThat(s.format()).isEqualTo(SnapshotFormat.JSON_LINES);
        assertThat(s.header().count()).isEqualTo(120);
        assertThat(s.header().hub()).isEqualTo("huggingface");
        assertThat(s.header().endpoint()).isEqualTo("https://huggingface.co");
        assertThat(s.header().startedAt()).as("no header, no date in the path: unknown").isNull();
        assertThat(s.describe()).contains("JSON Lines without header", "120 models", "unknown");
        assertThat(s.stream().map(Model::id).toList()).isEqualTo(expected);
        assertThat(s.rawLines().toList()).isEqualTo(lines);
      }
    }
  }

  @Test
  void theTimeComesFromThePathOrIsGivenAndWhatNeedsItSaysHow() throws IOException {
    Path undated = gzip(dir.resolve("dump.jsonl.gz"), lines);
    try (Snapshot s = Snapshots.open(undated)) {
      assertThatThrownBy(() -> s.header().requireStartedAt("a delta between snapshots"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a delta between snapshots needs the time of each snapshot")
          .hasMessageContaining("--at DATE");
    }
    Path weekly = gzip(dir.resolve("models").resolve("2025-08-25").resolve("models.jsonl.gz"), lines);
    try (Snapshot s = Snapshots.open(weekly)) {
      assertThat(s.header().startedAt()).isEqualTo(Instant.parse("2025-08-25T00:00:00Z"));
      assertThat(s.describe()).contains("2025-08-25 from its path");
    }
    Path named = gzip(dir.resolve("hub-2026-07-01.jsonl.gz"), lines);
    Instant at = Instant.parse("2026-07-01T12:00:00Z");
    try (Snapshot s = Snapshots.open(named, at)) {
      assertThat(s.header().startedAt()).as("given wins over the path's label").isEqualTo(at);
      assertThat(s.describe()).contains("given when opened");
    }
    Path twoDates = gzip(dir.resolve("2025-01-01-to-2025-02-01.jsonl.gz"), lines);
    try (Snapshot s = Snapshots.open(twoDates)) {
      assertThat(s.header().startedAt()).as("a name with two dates says none").isNull();
    }
  }

  @Test
  void aFileWithAHeaderKeepsItsTimeAndRefusesAnother() throws IOException {
    SnapshotHeader h = SnapshotHeader.describing("huggingface", "https://huggingface.co",
        Instant.parse("2026-08-01T00:00:00Z"), null, null, null).withCount(lines.size());
    List<String> all = new ArrayList<>();
    all.add(SnapshotJson.headerLine(h));
    all.addAll(lines);
    Path f = gzip(dir.resolve("2020-01-01.jsonl.gz"), all);
    try (Snapshot s = Snapshots.open(f)) {
      assertThat(s.format()).isEqualTo(SnapshotFormat.HUBSHARE);
      assertThat(s.header().startedAt()).as("the header, not the path").isEqualTo(h.startedAt());
    }
    assertThatThrownBy(() -> Snapshots.open(f, Instant.parse("2026-09-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states its own time in its header");
  }

  @Test
  void aDumpThatChangesAfterOpeningOrIsCutShortFailsNamingTheLine() throws IOException {
    Path f = gzip(dir.resolve("dump.jsonl.gz"), lines);
    try (Snapshot s = Snapshots.open(f)) {
      gzip(f, lines.subList(0, 100));
      assertThatThrownBy(() -> s.stream().count()).cause()
          .hasMessageContaining("line 101: the file ends after 100 models but were counted when it was opened: 120");
    }
    byte[] whole = Gzip.member(lines);
    Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> Snapshots.open(cut)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aDeltaBetweenDumpsDatedByTheirPaths() throws IOException {
    Path older = gzip(dir.resolve("2026-08-01").resolve("models.jsonl.gz"), List.of(
        "{\"id\":\"a/x\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"downloadsAllTime\":100}"));
    Path newer = gzip(dir.resolve("2026-08-08").resolve("models.jsonl.gz"), List.of(
        "{\"id\":\"a/x\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"downloadsAllTime\":130}",
        "{\"id\":\"a/y\",\"createdAt\":\"2026-08-03T00:00:00.000Z\",\"downloadsAllTime\":7}",
        "{\"id\":\"a/z\",\"createdAt\":\"2026-07-03T00:00:00.000Z\",\"downloadsAllTime\":9}"));
    assertThat(Snapshots.series(dir)).containsExactly(older, newer);
    try (Stream<ModelDelta> d = SnapshotDelta.between(older, newer)) {
      assertThat(d.map(ModelDelta::downloadsBetween).toList()).containsExactly(30L, 7L, null);
    }
  }

  @Test
  void aDirectoryOpensAsASeriesInDateOrderSkippingWhatIsNotASnapshot() throws IOException {
    Path b = gzip(dir.resolve("models").resolve("2025-09-01").resolve("models.jsonl.gz"), lines);
    Path a = gzip(dir.resolve("models").resolve("2025-08-25").resolve("models.jsonl.gz"), lines);
    Files.writeString(dir.resolve("models").resolve("README.md"), "# weekly snapshots\n");
    gzip(dir.resolve("_lineage").resolve("2025-08-01").resolve("x.jsonl.gz"), lines);
    gzip(dir.resolve("models").resolve("undated.jsonl.gz"), lines);
    assertThat(Snapshots.series(dir)).containsExactly(a, b);

    gzip(dir.resolve("copy").resolve("2025-08-25.jsonl.gz"), lines);
    assertThatThrownBy(() -> Snapshots.series(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two snapshots of huggingface at 2025-08-25T00:00:00Z");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> Snapshots.series(empty)).hasMessageContaining("no dated snapshot below");
    assertThatThrownBy(() -> Snapshots.open(dir)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("a directory, not a snapshot file");
  }

  @Test
  void aParquetFileWithoutTheSqlModuleSaysWhichArtifactToAdd() throws IOException {
    byte[] parquetLike = "PAR1\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000PAR1"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("models.bin"), parquetLike);
    assertThatThrownBy(() -> Snapshots.open(f)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("a Parquet file: reading it needs io.hubshare:hubshare-sql");
    Path g = Files.writeString(dir.resolve("notparquet.jsonl"), "PAR1 is only at the start\n");
    assertThatThrownBy(() -> Snapshots.open(g)).hasMessageContaining("neither a hubshare snapshot header");
  }
}
