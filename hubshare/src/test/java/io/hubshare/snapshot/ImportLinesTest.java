package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLinesTest {
  static final SnapshotHeader HEADER = SnapshotHeader.describing("huggingface", "https://huggingface.co",
      Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"), "a dump", "somewhere");

  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();

  @Test
  void gzipOrPlainLinesAreCopiedVerbatimBehindTheHeaderWithTheirCount() throws IOException {
    Path gz = Files.write(dir.resolve("models.jsonl.gz"), Gzip.member(lines));
    List<String> withBlanks = new ArrayList<>(lines);
    withBlanks.add(7, "");
    Path plain = Files.write(dir.resolve("models.jsonl"), withBlanks);

    for (Path source : List.of(gz, plain)) {
      Path out = dir.resolve(source.getFileName() + ".snapshot.jsonl.gz");
      SnapshotHeader h = Snapshots.importLines(source, out, HEADER, false);
      assertThat(h).isEqualTo(HEADER.withCount(240));
      try (Snapshot s = Snapshots.open(out)) {
        assertThat(s.header()).isEqualTo(h);
        assertThat(s.rawLines().toList()).isEqualTo(lines);
      }
    }
    assertThat(dir.resolve("models.jsonl.gz.snapshot.jsonl.gz.tmp")).doesNotExist();
  }

  @Test
  void aRepeatedIdOrALineThatIsNotAModelObjectNamesTheSourceLine() throws IOException {
    List<String> repeated = new ArrayList<>(lines.subList(0, 10));
    repeated.add(lines.get(3));
    Path source = Files.write(dir.resolve("repeated.jsonl"), repeated);
    Path out = dir.resolve("out.jsonl.gz");
    assertThatThrownBy(() -> Snapshots.importLines(source, out, HEADER, false))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage(source + ", line 11: the id " + SampleModels.models().get(3).id() + " repeats");

    Path array = Files.write(dir.resolve("array.jsonl"), List.of(lines.get(0), "[1, 2]"));
    assertThatThrownBy(() -> Snapshots.importLines(array, out, HEADER, false))
        .hasMessage(array + ", line 2: not a JSON object");
    Path noId = Files.write(dir.resolve("noid.jsonl"), List.of("{\"modelId\":\"a/b\"}"));
    assertThatThrownBy(() -> Snapshots.importLines(noId, out, HEADER, false))
        .hasMessage(noId + ", line 1: the object has no \"id\" string");
    Path cut = Files.write(dir.resolve("cut.jsonl"), List.of(lines.get(0), lines.get(1).substring(0, 40)));
    assertThatThrownBy(() -> Snapshots.importLines(cut, out, HEADER, false))
        .hasMessageStartingWith(cut + ", line 2: not JSON (Unexpected end-of-input");
    assertThat(out).doesNotExist();
  }

  @Test
  void anExistingOutputIsReplacedOnlyWhenAsked() throws IOException {
    Path source = Files.write(dir.resolve("models.jsonl"), lines);
    Path out = Files.writeString(dir.resolve("out.jsonl.gz"), "keep");
    assertThatThrownBy(() -> Snapshots.importLines(source, out, HEADER, false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("overwrite");
    assertThat(out).hasContent("keep");
    Snapshots.importLines(source, out, HEADER, true);
    try (Snapshot s = Snapshots.open(out)) {
      assertThat(s.header().count()).isEqualTo(240);
    }
  }
}
