package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar companion answers every computation it serves with the table the full path gives, to the unit, and
 * is ignored as soon as it no longer matches its snapshot.
 */
class ShareColumnsTest {
  static final Dimension[] SERVED = {Dimension.COUNTRY, Dimension.REGION, Dimension.ORGANIZATION, Dimension.ACCOUNT,
      Dimension.KIND, Dimension.PIPELINE_TAG, Dimension.LIBRARY};
  // The sample carries no all-time counts: that metric is refused on every path (metricNoModelCarriesIsRefused...).
  static final Metric[] METRICS = {Metric.DOWNLOADS, Metric.LIKES, Metric.MODELS};

  @TempDir static Path dir;
  static Path snapshot;
  static List<Model> models;

  @BeforeAll
  static void prepare() throws IOException {
    snapshot = dir.resolve("crawled.jsonl.gz");
    FastPathIdentityTest.writeMembers(FastPathIdentityTest.SAMPLE, snapshot, 500);
    try (Snapshot s = Snapshots.open(snapshot); Stream<Model> all = s.stream()) {
      models = all.toList();
    }
    try (Snapshot s = Snapshots.open(snapshot)) {
      assertThat(ShareColumns.isCurrent(s)).isFalse();
      Path c = ShareColumns.write(s);
      assertThat(c).isEqualTo(dir.resolve("crawled.jsonl.gz.cols"));
      assertThat(ShareColumns.isCurrent(s)).isTrue();
    }
  }

  @Test
  void everyComputationServedMatchesTheFullPath() throws IOException {
    int compared = 0;
    try (Snapshot s = Snapshots.open(snapshot)) {
      for (Dimension d : SERVED) {
        for (Metric m : METRICS) {
          for (Attribution a : Attribution.values()) {
            assertSame(Shares.by(d).metric(m).attribution(a), s);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(SERVED.length * METRICS.length * Attribution.values().length);
  }

  @Test
  void filtersServedMatchTheFullPath() throws IOException {
    List<UnaryOperator<Shares>> filters = List.of(
        x -> x.createdBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01")),
        x -> x.pipelineTag("text-generation"),
        x -> x.library("transformers"),
        x -> x.createdBetween(LocalDate.parse("2024-08-01"), LocalDate.parse("2026-08-01")).library("gguf"));
    try (Snapshot s = Snapshots.open(snapshot)) {
      for (UnaryOperator<Shares> f : filters) {
        for (Dimension d : List.of(Dimension.COUNTRY, Dimension.ACCOUNT, Dimension.LIBRARY)) {
          for (Attribution a : Attribution.values()) {
            assertSame(f.apply(Shares.by(d).metric(Metric.LIKES).attribution(a)), s);
          }
        }
      }
    }
  }

  @Test
  void whatItDoesNotHoldIsReadFromTheSnapshot() throws IOException {
    try (Snapshot s = Snapshots.open(snapshot)) {
      assertThat(ShareColumns.compute(Shares.by(Dimension.FAMILY).attribution(Attribution.ROOT), s)).isNull();
      assertThat(ShareColumns.compute(Shares.by(Dimension.SIZE), s)).isNull();
      assertThat(ShareColumns.compute(Shares.by(Dimension.COUNTRY).where(m -> true), s)).isNull();
    }
  }

  @Test
  void aCompanionThatNoLongerMatchesItsSnapshotIsIgnored() throws IOException {
    Path copy = dir.resolve("copy.jsonl.gz");
    Files.copy(snapshot, copy);
    Shares country = Shares.by(Dimension.COUNTRY);
    try (Snapshot s = Snapshots.open(copy)) {
      ShareColumns.write(s);
      assertThat(ShareColumns.compute(country, s)).isNotNull();
    }
    // Another modification time: the snapshot may have been replaced.
    Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() - 60_000));
    try (Snapshot s = Snapshots.open(copy)) {
      assertThat(ShareColumns.isCurrent(s)).isFalse();
      assertThat(ShareColumns.compute(country, s)).isNull();
      assertThat(country.compute(s).rows()).isEqualTo(country.compute(models).rows());
      ShareColumns.write(s);
      assertThat(ShareColumns.isCurrent(s)).isTrue();
    }
    // Another snapshot under the same name, same size and time: its header differs.
    Path other = dir.resolve("other.jsonl.gz");
    FastPathIdentityTest.writeMembers(FastPathIdentityTest.SAMPLE, other, 400);
    Files.copy(ShareColumns.companionOf(copy), ShareColumns.companionOf(other));
    try (Snapshot s = Snapshots.open(other)) {
      assertThat(ShareColumns.isCurrent(s)).isFalse();
    }
    // A companion cut short is not read.
    try (RandomAccessFile f = new RandomAccessFile(ShareColumns.companionOf(copy).toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    try (Snapshot s = Snapshots.open(copy)) {
      assertThat(ShareColumns.compute(country, s)).isNull();
      assertThat(country.compute(s).rows()).isEqualTo(country.compute(models).rows());
    }
  }

  @Test
  void aMetricNoModelCarriesIsRefusedOnEveryPathNotATableOfZeros() throws IOException {
    Shares allTime = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME);
    assertThatThrownBy(() -> allTime.compute(models)).isInstanceOf(MetricUnavailableException.class);
    try (Snapshot s = Snapshots.open(snapshot)) {
      assertThatThrownBy(() -> ShareColumns.compute(allTime, s)).isInstanceOf(MetricUnavailableException.class);
      assertThatThrownBy(() -> FastPath.compute(allTime, s)).isInstanceOf(MetricUnavailableException.class);
    }
  }

  private static void assertSame(Shares shares, Snapshot s) {
    ShareTable full;
    try {
      full = shares.compute(models);
    } catch (MetricUnavailableException unavailable) {
      // No matched model carries the metric (all-time downloads of the sample): the columns refuse it as the full
      // path does, over the same models.
      assertThatThrownBy(() -> ShareColumns.compute(shares, s)).as("columns refuse %s", shares)
          .isInstanceOf(MetricUnavailableException.class).hasMessage(unavailable.getMessage());
      return;
    }
    ShareTable t = ShareColumns.compute(shares, s);
    assertThat(t).as("columns served %s", shares).isNotNull();
    assertThat(t.rows()).as("%s", shares).isEqualTo(full.rows());
    assertThat(t.unknown()).as("%s", shares).isEqualTo(full.unknown());
    assertThat(t.counts()).as("%s", shares).isEqualTo(full.counts());
    assertThat(t.toCsv()).as("%s", shares).isEqualTo(full.toCsv());
  }

}
