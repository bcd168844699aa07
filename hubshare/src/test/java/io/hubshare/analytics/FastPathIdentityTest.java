package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.Snapshots;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot fast path ({@link FastPath}: parallel inflate, a field reader, no {@link Model} per line) gives the
 * tables the full path gives, to the unit, for every dimension, metric, attribution and filter it serves, over the
 * bundled sample as one gzip stream and as a crawl writes it (a gzip member per page).
 */
class FastPathIdentityTest {
  static final Path SAMPLE = Path.of("examples/data/hub-sample-2026-08.jsonl.gz");
  static final Dimension[] SERVED = {Dimension.COUNTRY, Dimension.REGION, Dimension.ORGANIZATION, Dimension.ACCOUNT,
      Dimension.KIND, Dimension.FAMILY, Dimension.PIPELINE_TAG, Dimension.LIBRARY};
  // The sample carries no all-time counts: that metric is refused on every path (metricNoModelCarriesIsRefused...).
  static final Metric[] METRICS = {Metric.DOWNLOADS, Metric.LIKES, Metric.MODELS};

  @TempDir static Path dir;
  static Path crawled;
  static Path plain;
  static Path headerless;
  static Path headerlessGz;
  static List<Model> models;

  @BeforeAll
  static void prepare() throws IOException {
    crawled = dir.resolve("crawled.jsonl.gz");
    writeMembers(SAMPLE, crawled, 97);
    plain = dir.resolve("plain.jsonl");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLE))) {
      Files.copy(in, plain);
    }
    // The list API's objects alone, as other tools dump a listing: the sample's lines after its header.
    List<String> lines = Files.readAllLines(plain, StandardCharsets.UTF_8);
    headerless = dir.resolve("models.jsonl");
    Files.write(headerless, lines.subList(1, lines.size()), StandardCharsets.UTF_8);
    headerlessGz = dir.resolve("models.jsonl.gz");
    Files.write(headerlessGz, member(lines.subList(1, lines.size())));
    try (Snapshot s = Snapshots.open(SAMPLE); Stream<Model> all = s.stream()) {
      models = all.toList();
    }
  }

  /** The lines of {@code source} rewritten as a crawl writes them: the header alone, then members of n lines. */
  static void writeMembers(Path source, Path out, int linesPerMember) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)),
        StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      o.write(member(lines.subList(0, 1)));
      for (int i = 1; i < lines.size(); i += linesPerMember) {
        o.write(member(lines.subList(i, Math.min(lines.size(), i + linesPerMember))));
      }
    }
  }

  static byte[] member(List<String> lines) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      for (String l : lines) gz.write((l + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void everyDimensionMetricAndAttributionServedMatchesTheFullPath() throws IOException {
    int compared = 0;
    for (Metric m : METRICS) {
      List<Shares> all = new ArrayList<>();
      for (Dimension d : SERVED) {
        for (Attribution a : Attribution.values()) all.add(Shares.by(d).metric(m).attribution(a));
      }
      compared += assertSame(all, SAMPLE);
    }
    assertThat(compared).isEqualTo(SERVED.length * METRICS.length * Attribution.values().length);
  }

  @Test
  void eachComputationAloneMatchesTheFullPath() throws IOException {
    // What a single computation asks the field reader for (no tags under UPLOADER, say) is what production reads.
    Dimension[] dims = {Dimension.COUNTRY, Dimension.FAMILY, Dimension.PIPELINE_TAG, Dimension.ACCOUNT};
    for (int i = 0; i < METRICS.length; i++) {
      for (Attribution a : Attribution.values()) {
        assertSame(List.of(Shares.by(dims[i]).metric(METRICS[i]).attribution(a)), SAMPLE);
      }
    }
  }

  @Test
  void filtersServedMatchTheFullPath() throws IOException {
    List<UnaryOperator<Shares>> filters = List.of(
        s -> s.createdBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01")),
        s -> s.pipelineTag("text-generation"),
        s -> s.library("transformers"),
        s -> s.createdBetween(LocalDate.parse("2024-08-01"), LocalDate.parse("2026-08-01")).library("gguf"));
    List<Shares> all = new ArrayList<>();
    for (UnaryOperator<Shares> f : filters) {
      for (Dimension d : List.of(Dimension.COUNTRY, Dimension.ACCOUNT, Dimension.FAMILY, Dimension.LIBRARY)) {
        for (Attribution a : Attribution.values()) {
          all.add(f.apply(Shares.by(d).metric(Metric.LIKES).attribution(a)));
        }
      }
    }
    assertThat(assertSame(all, SAMPLE)).isEqualTo(48);
    assertSame(List.of(filters.get(3).apply(Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT))), SAMPLE);
  }

  @Test
  void aCrawledFileOfManyMembersGivesTheSameTables() throws IOException {
    for (Dimension d : List.of(Dimension.COUNTRY, Dimension.ACCOUNT, Dimension.FAMILY)) {
      for (Attribution a : Attribution.values()) assertSame(List.of(Shares.by(d).attribution(a)), crawled);
    }
  }

  @Test
  void aSnapshotWrittenWithoutCompressionGivesTheSameTables() throws IOException {
    for (Dimension d : List.of(Dimension.COUNTRY, Dimension.ACCOUNT)) {
      for (Attribution a : Attribution.values()) assertSame(List.of(Shares.by(d).attribution(a)), plain);
    }
  }

  @Test
  void jsonLinesWithoutAHeaderGiveTheSameTables() throws IOException {
    for (Path f : List.of(headerless, headerlessGz)) {
      try (Snapshot s = Snapshots.open(f)) {
        assertThat(s.format()).isEqualTo(SnapshotFormat.JSON_LINES);
      }
      for (Dimension d : List.of(Dimension.COUNTRY, Dimension.ACCOUNT)) {
        for (Attribution a : Attribution.values()) assertSame(List.of(Shares.by(d).attribution(a)), f);
      }
    }
  }

  @Test
  void theFilteredTablesAreNotEmpty() throws IOException {
    // Guards the comparisons above against filters that match nothing.
    try (Snapshot s = Snapshots.open(SAMPLE)) {
      ShareTable t = FastPath.compute(Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT)
          .createdBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01")), s);
      assertThat(t).isNotNull();
      assertThat(t.counts().matched()).isBetween(1L, t.counts().seen() - 1);
      assertThat(t.total()).isPositive();
    }
  }

  @Test
  void whatTheFastPathCannotServeGoesTheFullWay() throws IOException {
    try (Snapshot s = Snapshots.open(SAMPLE)) {
      assertThat(FastPath.compute(Shares.by(Dimension.SIZE), s)).isNull();
      assertThat(FastPath.compute(Shares.by(Dimension.COUNTRY).where(m -> true), s)).isNull();
      Shares size = Shares.by(Dimension.SIZE);
      assertThat(size.compute(s).rows()).isEqualTo(size.compute(models).rows());
    }
  }

  @Test
  void aDamagedFileFailsAsTheFullPathFails() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(SAMPLE)),
        StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null && lines.size() < 200; l = r.readLine()) lines.add(l);
    }
    // Two models on one line: the field reader could read them, the full path refuses the line.
    String two = lines.get(5) + " " + lines.get(6);
    List<String> damaged = new ArrayList<>(lines.subList(0, 5));
    damaged.add(two);
    damaged.addAll(lines.subList(7, 200));
    damaged.set(0, damaged.get(0).replaceFirst("\"count\":\\d+", "\"count\":198"));
    Path f = dir.resolve("damaged.jsonl.gz");
    Files.write(f, member(damaged));
    try (Snapshot s = Snapshots.open(f)) {
      assertThat(FastPath.compute(Shares.by(Dimension.COUNTRY), s)).isNull();
      assertThatThrownBy(() -> Shares.by(Dimension.COUNTRY).compute(s)).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("line 6");
    }
  }

  /** Checks each computation against the full path; returns how many were compared. */
  private static int assertSame(List<Shares> all, Path file) throws IOException {
    List<ShareTable> fast;
    try (Snapshot s = Snapshots.open(file)) {
      fast = all.size() == 1 ? singletonOrNull(FastPath.compute(all.get(0), s)) : FastPath.computeAll(all, s);
    } catch (MetricUnavailableException unavailable) {
      // No matched model carries the metric (all-time downloads of the sample): the full path refuses each
      // computation as the fast path did; alone, over the same models and so with the same message.
      for (Shares shares : all) {
        var refused = assertThatThrownBy(() -> shares.compute(models)).as("%s", shares)
            .isInstanceOf(MetricUnavailableException.class);
        if (all.size() == 1) refused.hasMessage(unavailable.getMessage());
      }
      return all.size();
    }
    assertThat(fast).as("fast path served %s", all).isNotNull();
    for (int i = 0; i < all.size(); i++) {
      Shares shares = all.get(i);
      ShareTable full = shares.compute(models);
      ShareTable t = fast.get(i);
      assertThat(t.rows()).as("%s", shares).isEqualTo(full.rows());
      assertThat(t.unknown()).as("%s", shares).isEqualTo(full.unknown());
      assertThat(t.counts()).as("%s", shares).isEqualTo(full.counts());
      assertThat(t.total()).as("%s", shares).isEqualTo(full.total());
      assertThat(t.toCsv()).as("%s", shares).isEqualTo(full.toCsv());
    }
    return all.size();
  }

  private static List<ShareTable> singletonOrNull(ShareTable t) {
    return t == null ? null : List.of(t);
  }
}
