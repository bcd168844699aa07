package io.hubshare.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.analytics.MetricUnavailableException;
import io.hubshare.analytics.Shares;
import io.hubshare.domain.Model;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotDelta;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each type variant of the Hub's Parquet files reads into the same models as the list API's JSON holding the same
 * fields: the oracle is the JSON parser itself, fed the JSON objects the files were generated from.
 */
class ParquetSnapshotTest {
  private static final Map<String, ObjectNode> OBJECTS = HubParquet.objects();

  @TempDir
  Path dir;

  /** Reads {@code file} and checks every model against the JSON object {@code expected} makes of its source. */
  private void assertReadsAs(String file, List<String> columns, UnaryOperator<ObjectNode> expected, int rows)
      throws IOException {
    List<Model> read = new ArrayList<>();
    try (Snapshot s = Snapshots.open(HubParquet.file(file))) {
      assertThat(s.format()).isEqualTo(SnapshotFormat.PARQUET);
      assertThat(s.header().count()).isEqualTo(rows);
      assertThat(s.header().hub()).isEqualTo("huggingface");
      s.forEach(read::add);
    }
    assertThat(read).hasSize(rows);
    List<ObjectNode> sources = new ArrayList<>();
    for (Model m : read) {
      ObjectNode source = OBJECTS.get(m.id());
      assertThat(source).as("model %s comes from the sample", m.id()).isNotNull();
      sources.add(expected.apply(HubParquet.only(source, columns)));
    }
    Map<String, Model> want = HubParquet.parse(dir, sources);
    for (Model m : read) {
      assertThat(HubParquet.fields(m)).as(m.id()).isEqualTo(HubParquet.fields(want.get(m.id())));
    }
  }

  @Test
  void theCurrentShapeReadsLikeTheApiObjects() throws IOException {
    assertReadsAs("current.parquet", List.of("id", "author", "createdAt", "lastModified", "downloads",
        "downloadsAllTime", "likes", "trendingScore", "tags", "pipeline_tag", "library_name", "cardData",
        "safetensors", "gguf"), HubParquet::withBaseModelsFromTags, 948);
  }

  @Test
  void timestampsWithoutZoneNarrowAndUnsignedCountersAndACardStructRead() throws IOException {
    // No base_model: tags and no baseModels: the links come from cardData.base_model alone, as from the API.
    assertReadsAs("older.parquet", List.of("id", "author", "createdAt", "lastModified", "downloads",
        "downloadsAllTime", "likes", "trendingScore", "tags", "pipeline_tag", "library_name", "gated", "private",
        "cardData"), HubParquet::withoutBaseTags, 948);
  }

  @Test
  void isoStringTimesFloatCountsAndJsonStringObjectsRead() throws IOException {
    assertReadsAs("strings.parquet", List.of("id", "author", "createdAt", "lastModified", "downloads",
        "downloadsAllTime", "likes", "trendingScore", "tags", "pipeline_tag", "library_name", "cardData",
        "safetensors", "gguf"), o -> o, 948);
  }

  @Test
  void countersOfEveryWidthRead() throws IOException {
    assertReadsAs("int-widths.parquet", List.of("id", "author", "createdAt", "downloads", "downloadsAllTime",
        "likes", "trendingScore", "tags"), o -> o, 910);
  }

  @Test
  void missingColumnsAreAbsentNeverZeroAndTheAuthorIsTheIdsOwner() throws IOException {
    assertReadsAs("missing.parquet", List.of("id", "downloads", "tags"),
        o -> HubParquet.withoutBaseTags(HubParquet.withBaseModelsFromTags(o)), 948);
    try (Snapshot s = Snapshots.open(HubParquet.file("missing.parquet"))) {
      List<Model> models = s.stream().toList();
      assertThat(models).allSatisfy(m -> {
        assertThat(m.author()).isEqualTo(m.owner());
        assertThat(m.createdAt()).isNull();
        assertThat(m.downloads().allTime()).isNull();
        assertThat(m.downloads().likes()).isNull();
        assertThat(m.downloads().last30Days()).isNotNull();
        assertThat(m.tags()).noneMatch(t -> t.startsWith("base_model:"));
      });
      assertThat(models).filteredOn(Model::isDerivative).hasSizeGreaterThan(400);
      // Every model lacks the column: a share of it is an error that says so, never a table of zeros.
      assertThatThrownBy(() -> Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME).compute(s))
          .isInstanceOfSatisfying(MetricUnavailableException.class, e -> assertThat(e.models()).isEqualTo(948));
    }
  }
}
