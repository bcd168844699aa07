package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's measure on a hand-made listing whose every figure is known. */
class StudySharesTest {
  private static final List<String> AUGUST = List.of(
      "{\"id\":\"Qwen/A\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"downloadsAllTime\":1000}",
      "{\"id\":\"nobody123/A-GGUF\",\"createdAt\":\"2026-02-01T00:00:00.000Z\",\"downloadsAllTime\":500,"
          + "\"tags\":[\"gguf\",\"base_model:quantized:Qwen/A\"]}",
      "{\"id\":\"0bserverx/ft\",\"createdAt\":\"2026-03-01T00:00:00.000Z\",\"downloadsAllTime\":200,"
          + "\"tags\":[\"base_model:finetune:mistralai/M\"]}",
      "{\"id\":\"EleutherAI/x\",\"createdAt\":\"2026-04-01T00:00:00.000Z\",\"downloadsAllTime\":100}",
      "{\"id\":\"google/old\",\"createdAt\":\"2024-01-01T00:00:00.000Z\",\"downloadsAllTime\":9999}",
      "{\"id\":\"google/new\",\"createdAt\":\"2026-07-31T00:00:00.000Z\"}",
      "{\"id\":\"mistralai/M\",\"createdAt\":\"2025-12-01T00:00:00.000Z\",\"downloadsAllTime\":300}",
      "{\"id\":\"Qwen/B\",\"createdAt\":\"2026-07-15T00:00:00.000Z\",\"downloadsAllTime\":50}");

  @TempDir
  Path dir;

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }

  @Test
  void oneSnapshotCountsTheYearBeforeItUnderBothAttributions() throws IOException {
    Path f = write("2026-08-01.jsonl", AUGUST);
    try (Snapshot s = Snapshots.open(f)) {
      StudyShares.Result r = StudyShares.create().compute(s);
      assertThat(r.from()).isEqualTo(Instant.parse("2025-08-01T00:00:00Z"));
      assertThat(r.to()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
      ShareTable up = r.uploader();
      assertThat(up.dimension()).isEqualTo(Dimension.STUDY_GROUP);
      assertThat(up.total()).isEqualTo(2150);
      assertThat(up.row("China").value()).isEqualTo(1050);
      assertThat(up.row("France").value()).isEqualTo(300);
      assertThat(up.row("User").value()).as("a reviewed individual's account").isEqualTo(200);
      assertThat(up.row("International / Online").value()).isEqualTo(100);
      assertThat(up.unknown().value()).as("an account nobody reviewed: never guessed").isEqualTo(500);
      assertThat(up.counts().missing()).as("google/new has no all-time count: missing, not 0").isEqualTo(1);
      ShareRow us = up.row("United States");
      assertThat(us.value()).as("google/old is older than the window; google/new has no value").isZero();
      assertThat(us.models()).isEqualTo(1);
      assertThat(us.missing()).isEqualTo(1);

      ShareTable base = r.base();
      assertThat(base.total()).isEqualTo(2150);
      assertThat(base.row("China").value()).isEqualTo(1550);
      assertThat(base.row("France").value()).isEqualTo(500);
      assertThat(base.row("User")).isNull();
      assertThat(base.unknown().value()).isZero();

      assertThat(r.toText()).contains("by uploader", "by base developer")
          .containsPattern("China +1,050 +48\\.8% +1,550 +72\\.1%");
      assertThat(r.toCsv()).startsWith("group,uploader,uploaderShare,base,baseShare\nChina,1050,");
      JsonNode json = new ObjectMapper().readTree(r.toJson());
      assertThat(json.get("total").asLong()).isEqualTo(2150);
      assertThat(json.get("groups").get(0).get("base").get("value").asLong()).isEqualTo(1550);
      assertThat(json.get("unknown").get("uploader").get("value").asLong()).isEqualTo(500);
    }
  }

  @Test
  void twoSnapshotsCountTheModelsCreatedBetweenThemByTheirDelta() throws IOException {
    Path july = write("2026-07-01.jsonl", List.of(
        "{\"id\":\"Qwen/A\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"downloadsAllTime\":900}"));
    Path august = write("2026-08-01.jsonl", AUGUST);
    try (Snapshot older = Snapshots.open(july); Snapshot newer = Snapshots.open(august)) {
      StudyShares.Result r = StudyShares.create().compute(older, newer);
      assertThat(r.from()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
      assertThat(r.uploader().metric()).isEqualTo(Metric.DOWNLOADS_BETWEEN);
      assertThat(r.uploader().total()).as("Qwen/B, created after July 1: all 50 of its downloads").isEqualTo(50);
      assertThat(r.uploader().counts().matched()).isEqualTo(2);
      assertThat(r.uploader().counts().missing()).isEqualTo(1);
    }
  }

  @Test
  void aSnapshotWithoutATimeNeedsOneOrAWindow() throws IOException {
    Path f = write("dump.jsonl", AUGUST);
    try (Snapshot s = Snapshots.open(f)) {
      assertThatThrownBy(() -> StudyShares.create().compute(s)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the study's window needs the time");
      StudyShares.Result r = StudyShares.create()
          .window(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")).compute(s);
      assertThat(r.uploader().total()).isEqualTo(1500);
    }
  }

  @Test
  void theBundledGroupingHasFourteenGroupsAndPlacesEveryKind() throws IOException {
    StudyGroups g = StudyGroups.bundled();
    assertThat(g.groups()).hasSize(14).contains("International / Online", "User", "China", "United States");
    assertThat(g.groupOf(origin("CN", "China", DeveloperKind.INDUSTRY))).isEqualTo("China");
    assertThat(g.groupOf(origin("HK", "China", DeveloperKind.INDUSTRY))).isEqualTo("China");
    assertThat(g.groupOf(origin("CH", "Europe", DeveloperKind.ACADEMIA)))
        .isEqualTo("Rest of Europe");
    assertThat(g.groupOf(origin("US", "United States", DeveloperKind.INDIVIDUAL))).isEqualTo("User");
    assertThat(g.groupOf(origin(null, "International", DeveloperKind.NON_PROFIT)))
        .isEqualTo("International / Online");
    assertThat(g.groupOf(Origin.unknown("a"))).isNull();
    assertThatThrownBy(() -> StudyGroups.parse(new StringReader("key,group\nFR,France\nfr,Gaul\n"), "g.csv"))
        .hasMessageContaining("g.csv, line 3: fr is mapped twice");
  }

  private static Origin origin(@Nullable String country, String region, DeveloperKind kind) {
    return Origin.builder("a").organization("A").country(country).region(region).kind(kind).source("s").build();
  }
}
