package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Snapshot#find(String)}, and what a snapshot's streams print (in JShell, say). */
class SnapshotFindTest {
  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();

  private Path file(List<String> modelLines) throws IOException {
    return SnapshotReadTest.write(dir.resolve("s.jsonl.gz"), SnapshotReadTest.HEADER.withCount(modelLines.size()),
        modelLines);
  }

  @Test
  void findsEveryModelByItsIdAndNothingElse() throws IOException {
    try (Snapshot s = Snapshots.open(file(lines))) {
      for (String line : List.of(lines.get(0), lines.get(lines.size() / 2), lines.get(lines.size() - 1))) {
        Model expected = HfModels.parse(line);
        assertThat(s.find(expected.id())).contains(expected);
      }
      assertThat(s.find("nobody/no-such-model")).isEmpty();
      String first = HfModels.parse(lines.get(0)).id();
      assertThat(s.find(first + "-not")).as("a longer id is another model").isEmpty();
    }
  }

  @Test
  void idsMatchIgnoringCaseAndTheExactSpellingWins() throws IOException {
    Model original = HfModels.parse(lines.get(3));
    String upper = original.id().toUpperCase(java.util.Locale.ROOT);
    String renamed = lines.get(3).replace("\"id\":\"" + original.id() + "\"", "\"id\":\"" + upper + "\"")
        .replace("\"modelId\":\"" + original.id() + "\"", "\"modelId\":\"" + upper + "\"");
    List<String> both = new ArrayList<>(List.of(renamed, lines.get(3)));
    try (Snapshot s = Snapshots.open(file(both))) {
      assertThat(s.find(original.id()).map(Model::id)).as("exact spelling, though listed second")
          .contains(original.id());
      assertThat(s.find(original.id().toLowerCase(java.util.Locale.ROOT)).map(Model::id))
          .as("no exact spelling: the first listed").contains(upper);
    }
  }

  @Test
  void streamsPrintWhatTheyReadNotTheirIdentity() throws IOException {
    Path f = file(lines);
    try (Snapshot s = Snapshots.open(f); Stream<Model> models = s.stream(); Stream<String> raw = s.rawLines()) {
      assertThat(models.toString()).contains(lines.size() + " models of " + f).contains("terminal operation");
      assertThat(raw.toString()).contains(lines.size() + " models' JSON of " + f);
      assertThat(models.count()).as("still a working stream").isEqualTo(lines.size());
    }
  }

  @Test
  void aDeltaPrintsBothTimesAndItsModels() throws IOException {
    Path o = SnapshotDeltaTest.snapshot(dir.resolve("old.jsonl.gz"), SnapshotDeltaTest.OLDER_START,
        List.of(SnapshotDeltaTest.line(lines.get(0), 10L, null)));
    Path n = SnapshotDeltaTest.snapshot(dir.resolve("new.jsonl.gz"), SnapshotDeltaTest.NEWER_START,
        List.of(SnapshotDeltaTest.line(lines.get(0), 25L, null)));
    try (Stream<ModelDelta> between = SnapshotDelta.between(o, n)) {
      assertThat(between.toString()).doesNotContainPattern("\\$\\w*@[0-9a-f]+")
          .contains("the downloads between " + SnapshotDeltaTest.OLDER_START + " and " + SnapshotDeltaTest.NEWER_START)
          .contains("1 models of " + n);
      assertThat(between.map(ModelDelta::downloadsBetween).toList()).containsExactly(15L);
    }
    try (SnapshotDelta delta = SnapshotDelta.open(o, n)) {
      assertThat(delta.toString()).startsWith("SnapshotDelta[the downloads between ");
    }
  }
}
