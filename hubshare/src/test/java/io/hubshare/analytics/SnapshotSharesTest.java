package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series over snapshot files made of the real sample. The sample carries no {@code downloadsAllTime} (its listing
 * did not ask for it), so each snapshot adds the field, as a listing with {@code expand=downloadsAllTime} sends it:
 * at the k-th snapshot, {@code (k + 3) × downloads}. Each week therefore adds exactly the sample's 30-day count,
 * and the shares of downloads between two snapshots must equal the shares of the sample's 30-day downloads.
 */
class SnapshotSharesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant[] STARTS = {
      Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-08T00:00:00Z"),
      Instant.parse("2026-09-15T00:00:00Z")};

  @TempDir static Path dir;
  static List<Path> files = new ArrayList<>();
  static List<Model> sample;

  @BeforeAll
  static void writeSnapshots() throws IOException {
    List<String> lines = SampleSharesTest.readLines(SampleSharesTest.SAMPLE, true);
    // The Hub's case rule, as a snapshot applies it: a repository read under two casings counts once, first line.
    java.util.Set<String> repositories = new java.util.HashSet<>();
    sample = lines.stream().map(HfModels::parse)
        .filter(m -> repositories.add(m.id().toLowerCase(java.util.Locale.ROOT))).toList();
    for (int k = 0; k < STARTS.length; k++) {
      List<String> out = new ArrayList<>(lines.size());
      for (String line : lines) {
        ObjectNode o = (ObjectNode) JSON.readTree(line);
        JsonNode d = o.get("downloads");
        if (d != null && d.isIntegralNumber()) o.put("downloadsAllTime", (k + 3) * d.asLong());
        out.add(JSON.writeValueAsString(o));
      }
      Path source = dir.resolve("lines-" + k + ".jsonl");
      Files.write(source, out);
      Path file = dir.resolve("hub-" + k + ".jsonl.gz");
      Snapshots.importLines(source, file, SnapshotHeader.describing("huggingface", "https://huggingface.co",
          STARTS[k], STARTS[k].plusSeconds(3600), "sample with downloadsAllTime added for the test", null), false);
      files.add(file);
    }
  }

  @Test
  void downloadsBetweenSnapshotsGiveOneTablePerWindow() throws IOException {
    Shares byCountry = Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT);
    ShareTable thirtyDays = byCountry.compute(sample);

    // Given newest first: the series orders the files by their headers.
    ShareSeries s = byCountry.metric(Metric.DOWNLOADS_BETWEEN)
        .series(List.of(files.get(2), files.get(0), files.get(1)));

    assertThat(s.points()).extracting(ShareSeries.Point::at).containsExactly(STARTS[1], STARTS[2]);
    for (ShareSeries.Point p : s.points()) {
      assertThat(p.table().metric()).isEqualTo(Metric.DOWNLOADS_BETWEEN);
      assertThat(p.table().rows()).isEqualTo(thirtyDays.rows());
      assertThat(p.table().unknown()).isEqualTo(thirtyDays.unknown());
    }
  }

  @Test
  void otherMetricsGiveOneTablePerSnapshot() throws IOException {
    Shares allTime = Shares.by(Dimension.REGION).metric(Metric.DOWNLOADS_ALL_TIME);

    ShareSeries s = allTime.series(files);

    assertThat(s.points()).hasSize(3);
    for (int k = 0; k < 3; k++) {
      try (Snapshot snap = Snapshots.open(files.get(k))) {
        assertThat(s.points().get(k).table().rows()).isEqualTo(allTime.compute(snap).rows());
      }
      assertThat(s.points().get(k).table().total())
          .isEqualTo((k + 3) * Shares.by(Dimension.REGION).compute(sample).total());
    }
    // Shares of all-time downloads stay put when every count grows in proportion.
    assertThat(s.sharesOf("China").get(0)).isCloseTo(s.sharesOf("China").get(2), within(1e-12));
    assertThat(s.toCsv().lines().filter(l -> l.contains(",China,")).count()).isEqualTo(3);
  }

  @Test
  void allTimeDownloadsOfModelsThatCarryNoneAreAnErrorNotATableOfZeros() throws IOException {
    Path bare = dir.resolve("bare.jsonl.gz");
    Files.copy(Path.of("examples/data/hub-sample-2026-08.jsonl.gz"), bare,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Shares allTime = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME);

    try (Snapshot s = Snapshots.open(bare)) {
      assertThatThrownBy(() -> allTime.compute(s))
          .isInstanceOfSatisfying(MetricUnavailableException.class, e -> {
            assertThat(e.metric()).isEqualTo(Metric.DOWNLOADS_ALL_TIME);
            assertThat(e.models()).isEqualTo(15_153);
          })
          .hasMessage("no value of downloads (all time) in the 15,153 models: all-time download counts come with a "
              + "listing or crawl that asks for the field downloadsAllTime");
    }
    assertThatThrownBy(() -> allTime.series(List.of(bare)))
        .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("in the 15,153 models of " + bare + ":");
    // One model that carries it is enough for a table; none matching the filters is an empty table, not an error.
    assertThat(allTime.compute(List.of(TestModel.model("Qwen/a").allTime(5L).build(), sample.get(0))).total())
        .isEqualTo(5);
    assertThat(allTime.pipelineTag("no-such-task").compute(sample).counts().matched()).isZero();
  }

  @Test
  void downloadsBetweenSnapshotsWithoutAllTimeCountsAreAnErrorNamingBoth() throws IOException {
    Path older = dir.resolve("older.jsonl.gz");
    Path newer = dir.resolve("newer.jsonl.gz");
    Path source = dir.resolve("bare.jsonl");
    Files.write(source, SampleSharesTest.readLines(SampleSharesTest.SAMPLE, true));
    for (int k = 0; k < 2; k++) {
      Snapshots.importLines(source, k == 0 ? older : newer, SnapshotHeader.describing("huggingface",
          "https://huggingface.co", STARTS[k], STARTS[k].plusSeconds(3600), "the sample as listed", null), true);
    }

    assertThatThrownBy(() -> Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_BETWEEN).series(List.of(newer, older)))
        .isInstanceOf(MetricUnavailableException.class)
        .hasMessage("no value of downloads (between snapshots) in the 15,153 models of " + older + " and " + newer
            + ": downloads between two snapshots need all-time download counts (the field downloadsAllTime) in "
            + "both of them");
  }

  @Test
  void downloadsBetweenNeedTwoSnapshots() {
    assertThatThrownBy(() -> Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_BETWEEN).series(files.subList(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
  }
}
