package io.hubshare.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotDelta;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet snapshots dated by their folders, read as a series and as deltas; exported and read back by DuckDB. */
class ParquetSeriesAndExportTest {
  @TempDir
  Path dir;

  private Path weekly(String date, String file) throws IOException {
    Path f = dir.resolve("models").resolve(date).resolve("models.parquet");
    Files.createDirectories(f.getParent());
    return Files.copy(HubParquet.file(file), f);
  }

  @Test
  void onlyTheColumnsAskedForAreRead() throws IOException {
    try (Snapshot s = Snapshots.open(HubParquet.file("current.parquet"))) {
      Model m = s.stream(List.of("downloads")).findFirst().orElseThrow();
      assertThat(m.rawJson()).startsWith("{\"id\":").contains("\"downloads\":").doesNotContain("tags", "author");
      assertThat(m.author()).as("not read: the owner of the id, as without an author field").isEqualTo(m.owner());
      assertThat(m.downloads().allTime()).isNull();
      assertThat(Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT).fields())
          .contains("id", "author", "downloads", "tags", "baseModels", "cardData").doesNotContain("likes", "gguf");
    }
  }

  @Test
  void weeklyFoldersAreASeriesAndTheirDeltaIsTheGrowthOfTheAllTimeCount() throws IOException {
    Path later = weekly("2026-09-08", "later.parquet");
    Path earlier = weekly("2026-09-01", "current.parquet");
    assertThat(Snapshots.series(dir)).containsExactly(earlier, later);
    try (Snapshot s = Snapshots.open(earlier)) {
      assertThat(s.header().startedAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
      assertThat(s.describe()).contains("Parquet", "948 models", "2026-09-01 from its path");
    }
    Map<String, Long> downloads = new HashMap<>();
    try (Snapshot s = Snapshots.open(earlier)) {
      s.stream(List.of("downloads")).forEach(m -> downloads.put(m.id(), m.downloads().last30Days()));
    }
    try (Stream<ModelDelta> d = SnapshotDelta.between(earlier, later)) {
      List<ModelDelta> deltas = d.toList();
      assertThat(deltas).hasSize(948).allSatisfy(x ->
          assertThat(x.downloadsBetween()).isEqualTo((downloads.get(x.model().id()) * 7 + 29) / 30));
    }
    var series = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_BETWEEN).series(List.of(dir));
    assertThat(series.points()).hasSize(1);
    assertThat(series.points().get(0).at()).isEqualTo(Instant.parse("2026-09-08T00:00:00Z"));
  }

  @Test
  void anExportHoldsEveryModelOnceAndReadsBackAsTheSameModels() throws Exception {
    Path out = dir.resolve("export");
    List<Model> original = new ArrayList<>();
    Path source = weekly("2026-09-01", "strings.parquet");
    try (Snapshot s = Snapshots.open(source)) {
      s.forEach(original::add);
    }
    ParquetExport.Written w = ParquetExport.to(out).write(source);
    assertThat(w.hub()).isEqualTo("huggingface");
    assertThat(w.date()).isEqualTo(LocalDate.parse("2026-09-01"));
    assertThat(w.models()).isEqualTo(948);
    assertThat(w.modelsFile()).isEqualTo(out.resolve("hub=huggingface/date=2026-09-01/models.parquet"));
    assertThat(w.lineageFile()).isEqualTo(out.resolve("_lineage/hub=huggingface/date=2026-09-01/lineage.parquet"));

    try (Snapshot back = Snapshots.open(w.modelsFile())) {
      assertThat(back.format()).isEqualTo(SnapshotFormat.PARQUET);
      assertThat(back.header().startedAt()).as("kept in the metadata").isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
      assertThat(back.describe()).contains("hubshare metadata");
      List<Model> read = new ArrayList<>();
      back.forEach(read::add);
      assertThat(read).hasSize(original.size());
      for (int i = 0; i < read.size(); i++) {
        assertThat(HubParquet.fields(read.get(i))).isEqualTo(HubParquet.fields(original.get(i)));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id), min(hub), min(date)::VARCHAR "
          + "FROM read_parquet('"
          + out + "/*/*/models.parquet', hive_partitioning = true)");
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(948);
      assertThat(rs.getLong(2)).isEqualTo(948);
      assertThat(rs.getString(3)).isEqualTo("huggingface");
      assertThat(rs.getString(4)).isEqualTo("2026-09-01");
      rs = st.executeQuery("SELECT count(*), count(parent), count(*) FILTER (WHERE root <> id) FROM read_parquet('"
          + out + "/_lineage/*/*/lineage.parquet')");
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(948);
      assertThat(rs.getLong(2)).isEqualTo(original.stream().filter(Model::isDerivative).count()).isPositive();
      rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE account = 'Qwen' AND country = 'CN') FROM "
          + "read_parquet('" + out + "/_origins/origins.parquet')");
      rs.next();
      assertThat(rs.getLong(1)).isGreaterThan(300);
      assertThat(rs.getLong(2)).isEqualTo(1);
    }
    assertThatThrownBy(() -> ParquetExport.to(out).write(source)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exported already");
    ParquetExport.to(out).overwrite(true).write(source);
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList())
          .containsExactly("_lineage/hub=huggingface/date=2026-09-01/lineage.parquet", "_origins/origins.parquet",
              "hub=huggingface/date=2026-09-01/models.parquet");
    }
  }

  @Test
  void jsonLinesExportLikeTheirParquetTwinAndSharesAgree() throws IOException {
    Path json = dir.resolve("2026-09-01").resolve("plain.jsonl.gz");
    Files.createDirectories(json.getParent());
    Files.copy(HubParquet.file("plain.jsonl.gz"), json);
    Path out = dir.resolve("export");
    ParquetExport.Written w = ParquetExport.to(out).write(json);
    assertThat(w.models()).isEqualTo(948);
    for (Attribution a : Attribution.values()) {
      Shares shares = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME).attribution(a);
      ShareTable fromJson;
      ShareTable fromExport;
      try (Snapshot s = Snapshots.open(json)) {
        fromJson = shares.compute(s);
      }
      try (Snapshot s = Snapshots.open(w.modelsFile())) {
        fromExport = shares.compute(s);
      }
      assertThat(fromExport.toCsv()).as(a.name()).isEqualTo(fromJson.toCsv());
      assertThat(fromExport.total()).isPositive();
    }
  }

  @Test
  void aFileWithoutATimeCannotBeExportedUntilGivenOne() throws IOException {
    Path undated = HubParquet.file("current.parquet");
    assertThatThrownBy(() -> ParquetExport.to(dir).write(undated)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a Parquet export (its date=… folder) needs the time");
    try (Snapshot s = Snapshots.open(undated, Instant.parse("2026-08-31T00:00:00Z"))) {
      assertThat(ParquetExport.to(dir).write(s).date()).isEqualTo(LocalDate.parse("2026-08-31"));
    }
  }
}
