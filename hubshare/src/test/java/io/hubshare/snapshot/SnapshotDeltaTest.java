package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delta rule over two snapshots made of real sample models. The sample carries no {@code downloadsAllTime}
 * (its listing did not ask for it), so each test adds the field, as a listing with {@code expand=downloadsAllTime}
 * sends it, with the values the case needs.
 */
class SnapshotDeltaTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant OLDER_START = Instant.parse("2026-08-10T00:00:00Z");
  static final Instant NEWER_START = Instant.parse("2026-08-24T00:00:00Z");

  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();
  final List<Model> models = SampleModels.models();

  /** A real model line with {@code downloadsAllTime} set (or removed, for null) and optionally another createdAt. */
  static String line(String raw, Long allTime, String createdAt) throws IOException {
    ObjectNode o = (ObjectNode) MAPPER.readTree(raw);
    if (allTime == null) o.remove("downloadsAllTime");
    else o.put("downloadsAllTime", allTime);
    if (createdAt != null) o.put("createdAt", createdAt);
    return MAPPER.writeValueAsString(o);
  }

  static Path snapshot(Path file, Instant started, List<String> modelLines) throws IOException {
    return SnapshotReadTest.write(file, SnapshotHeader.builder("huggingface", "https://huggingface.co", started)
        .query("expand=downloadsAllTime&expand=createdAt").completedAt(started.plusSeconds(3600))
        .count(modelLines.size()).build(), modelLines);
  }

  int createdBefore(Instant t, int skip) {
    return indexWhere(m -> m.createdAt().isBefore(t), skip);
  }

  int createdAfter(Instant t, int skip) {
    return indexWhere(m -> m.createdAt().isAfter(t), skip);
  }

  int indexWhere(java.util.function.Predicate<Model> p, int skip) {
    int seen = 0;
    for (int i = 0; i < models.size(); i++) {
      if (p.test(models.get(i)) && seen++ == skip) return i;
    }
    throw new IllegalStateException("the sample has too few such models");
  }

  @Test
  void eachCaseOfTheRule() throws IOException {
    int both = createdBefore(OLDER_START, 0);
    int newSinceOlder = createdAfter(OLDER_START, 0);
    int missedByOlder = createdBefore(OLDER_START, 1);
    int noCountNow = createdBefore(OLDER_START, 2);
    int noCountBefore = createdBefore(OLDER_START, 3);
    int wentDown = createdBefore(OLDER_START, 4);
    int recreated = createdAfter(OLDER_START, 1);
    int deleted = createdBefore(OLDER_START, 5);

    List<String> older = List.of(
        line(lines.get(both), 1_000L, null),
        line(lines.get(noCountNow), 50L, null),
        line(lines.get(noCountBefore), null, null),
        line(lines.get(wentDown), 900L, null),
        line(lines.get(recreated), 7_000L, "2025-01-01T00:00:00.000Z"), // an earlier repository of the same id
        line(lines.get(deleted), 10L, null));
    List<String> newer = List.of(
        line(lines.get(both), 1_500L, null),
        line(lines.get(newSinceOlder), 300L, null),
        line(lines.get(missedByOlder), 40_000L, null),
        line(lines.get(noCountNow), null, null),
        line(lines.get(noCountBefore), 80L, null),
        line(lines.get(wentDown), 850L, null),
        line(lines.get(recreated), 120L, null));

    Map<String, Long> deltas = new LinkedHashMap<>();
    try (Stream<ModelDelta> d = SnapshotDelta.between(snapshot(dir.resolve("old.jsonl.gz"), OLDER_START, older),
        snapshot(dir.resolve("new.jsonl.gz"), NEWER_START, newer))) {
      d.forEach(x -> deltas.put(x.model().id(), x.downloadsBetween()));
    }

    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put(models.get(both).id(), 500L);
    expected.put(models.get(newSinceOlder).id(), 300L);
    expected.put(models.get(missedByOlder).id(), null);
    expected.put(models.get(noCountNow).id(), null);
    expected.put(models.get(noCountBefore).id(), null);
    expected.put(models.get(wentDown).id(), null);
    expected.put(models.get(recreated).id(), 120L);
    assertThat(deltas).containsExactlyEntriesOf(expected); // the deleted model is not reported
  }

  @Test
  void aWholeSnapshotPairStreamsEveryNewerModelInOrder() throws IOException {
    List<String> older = new ArrayList<>();
    List<String> newer = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i % 2 == 0) older.add(line(lines.get(i), 100L * i, null));
      newer.add(line(lines.get(i), 100L * i + i, null));
    }
    Path o = snapshot(dir.resolve("old.jsonl.gz"), OLDER_START, older);
    Path n = snapshot(dir.resolve("new.jsonl.gz"), NEWER_START, newer);

    try (SnapshotDelta delta = SnapshotDelta.open(o, n)) {
      assertThat(delta.older().startedAt()).isEqualTo(OLDER_START);
      assertThat(delta.newer().startedAt()).isEqualTo(NEWER_START);
      List<ModelDelta> all = delta.stream().toList();
      assertThat(all).extracting(x -> x.model().id()).isEqualTo(models.stream().map(Model::id).toList());
      for (int i = 0; i < all.size(); i++) {
        Long expected = i % 2 == 0 ? Long.valueOf(i)
            : models.get(i).createdAt().isAfter(OLDER_START) ? Long.valueOf(100L * i + i) : null;
        assertThat(all.get(i).downloadsBetween()).as(models.get(i).id()).isEqualTo(expected);
      }
      Map<Boolean, Long> known = all.stream().collect(Collectors.partitioningBy(ModelDelta::isKnown,
          Collectors.counting()));
      assertThat(known.get(false)).isPositive(); // odd models created before the older snapshot: unknown, not 0
    }
  }

  @Test
  void swappedOrMismatchedSnapshotsAreRefused() throws IOException {
    Path o = snapshot(dir.resolve("old.jsonl.gz"), OLDER_START, List.of());
    Path n = snapshot(dir.resolve("new.jsonl.gz"), NEWER_START, List.of());
    assertThatThrownBy(() -> SnapshotDelta.open(n, o))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arguments swapped");
    Path ms = SnapshotReadTest.write(dir.resolve("ms.jsonl.gz"), SnapshotHeader.builder("modelscope",
        "https://modelscope.cn", NEWER_START).build(), List.of());
    assertThatThrownBy(() -> SnapshotDelta.open(o, ms, HfModels::parse)) // a parser given: the hub check speaks
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different hubs");
  }

  @Test
  void aDamagedOlderSnapshotFailsWithItsLineNumber() throws IOException {
    List<String> older = new ArrayList<>(List.of(line(lines.get(0), 1L, null), "not json"));
    Path o = snapshot(dir.resolve("old.jsonl.gz"), OLDER_START, older);
    Path n = snapshot(dir.resolve("new.jsonl.gz"), NEWER_START, List.of());
    assertThatThrownBy(() -> SnapshotDelta.open(o, n))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("old.jsonl.gz, line 3: not JSON");
  }
}
