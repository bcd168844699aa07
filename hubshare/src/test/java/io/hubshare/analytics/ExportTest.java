package io.hubshare.analytics;

import io.hubshare.domain.Hub;

import static io.hubshare.analytics.TestModel.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.ModelDelta;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<Model> MODELS = List.of(
      model("Qwen/a").downloads(600L).build(),
      model("meta-llama/b").downloads(300L).build(),
      model("mistralai/c").downloads(60L).build(),
      model("someone/d").downloads(40L).build());

  static ShareTable table() {
    return ShareTableTest.byCountry().pipelineTag("text-generation").compute(
        MODELS.stream().map(m -> Model.builder(Hub.HUGGING_FACE, m.id()).author(m.author())
            .pipelineTag("text-generation").downloads(m.downloads()).build()));
  }

  @Test
  void jsonHasTheCommandLineShapeWithEveryRowByDefault() throws Exception {
    JsonNode j = JSON.readTree(table().toJson());

    assertThat(j.get("dimension").asText()).isEqualTo("country");
    assertThat(j.get("metric").asText()).isEqualTo("downloads");
    assertThat(j.get("attribution").asText()).isEqualTo("uploader");
    assertThat(j.get("total").asLong()).isEqualTo(1000L);
    assertThat(j.get("rows")).hasSize(3);
    JsonNode first = j.get("rows").get(0);
    assertThat(first.get("key").asText()).isEqualTo("CN");
    assertThat(first.get("label").asText()).isEqualTo("China");
    assertThat(first.get("value").asLong()).isEqualTo(600L);
    assertThat(first.get("share").asDouble()).isEqualTo(0.6);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(j.get("unknown").asLong()).isEqualTo(40L);
    assertThat(j.get("unknownShare").asDouble()).isEqualTo(0.04);
    assertThat(j.get("unknownRow").get("share").asDouble()).isEqualTo(0.04);
    assertThat(j.get("hhi").isNumber()).isTrue();
    assertThat(j.get("gini").isNumber()).isTrue();
    assertThat(j.get("topShares").get("1").asDouble()).isEqualTo(0.625);
    assertThat(j.get("models").get("seen").asLong()).isEqualTo(4L);
    assertThat(j.get("missing").asLong()).isZero();
    assertThat(j.get("filters").get("pipelineTag").asText()).isEqualTo("text-generation");
    assertThat(j.has("others")).isFalse();
  }

  @Test
  void jsonWithATopLimitSumsTheRowsLeftOut() throws Exception {
    JsonNode j = JSON.readTree(table().toJson(1));

    assertThat(j.get("rows")).hasSize(1);
    assertThat(j.get("others").get("rows").asInt()).isEqualTo(2);
    assertThat(j.get("others").get("value").asLong()).isEqualTo(360L);
    assertThat(j.get("total").asLong()).isEqualTo(1000L);
  }

  @Test
  void downloadsBetweenSnapshotsAreSuppliedPerModel() {
    Shares shares = ShareTableTest.byCountry().metric(Metric.DOWNLOADS_BETWEEN);
    Stream<ModelDelta> deltas = Stream.of(
        new ModelDelta(MODELS.get(0), 70L),
        new ModelDelta(MODELS.get(1), 30L),
        new ModelDelta(MODELS.get(2), null));

    ShareTable t = shares.computeBetween(deltas);

    assertThat(t.row("CN").value()).isEqualTo(70L);
    assertThat(t.row("FR").missing()).isEqualTo(1L);
    assertThat(t.counts().missing()).isEqualTo(1L);
    assertThat(t.total()).isEqualTo(100L);
    assertThatThrownBy(() -> shares.compute(MODELS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("add(model, value)");
    assertThatThrownBy(() -> shares.accumulator().add(MODELS.get(0), -1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Qwen/a");
    assertThatThrownBy(() -> ShareTableTest.byCountry().accumulator().add(MODELS.get(0), 5L))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("add(model)");
  }

  @Test
  void seriesKeepsOneTablePerSnapshotAndExportsThemAll() throws Exception {
    Shares shares = ShareTableTest.byCountry();
    Instant t1 = Instant.parse("2026-08-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-08-08T00:00:00Z");
    ShareSeries s = new ShareSeries(List.of(
        new ShareSeries.Point(t1, shares.compute(MODELS.subList(0, 2))),
        new ShareSeries.Point(t2, shares.compute(MODELS))));

    assertThat(s.sharesOf("CN")).containsExactly(600.0 / 900, 0.6);
    assertThat(s.sharesOf("FR")).containsExactly(0.0, 0.06);
    assertThat(s.toCsv()).startsWith("at,rank,key,label,value,share,models,missing\r\n"
        + "2026-08-01T00:00:00Z,1,CN,China,600,0.6666666667,1,0\r\n"
        + "2026-08-01T00:00:00Z,2,US,United States,300,0.3333333333,1,0\r\n"
        + "2026-08-01T00:00:00Z,,(unknown),Unknown,0,0.0000000000,0,0\r\n"
        + "2026-08-08T00:00:00Z,1,CN,China,600,0.6000000000,1,0\r\n");
    JsonNode j = JSON.readTree(s.toJson());
    assertThat(j.get("dimension").asText()).isEqualTo("country");
    assertThat(j.get("points")).hasSize(2);
    assertThat(j.get("points").get(1).get("at").asText()).isEqualTo("2026-08-08T00:00:00Z");
    assertThat(j.get("points").get(1).get("table").get("rows")).hasSize(3);
  }

  @Test
  void seriesRefusesUnorderedTimesAndMixedTables() {
    Shares shares = ShareTableTest.byCountry();
    Instant t1 = Instant.parse("2026-08-01T00:00:00Z");
    ShareTable a = shares.compute(MODELS);
    assertThatThrownBy(() -> new ShareSeries(List.of(new ShareSeries.Point(t1, a), new ShareSeries.Point(t1, a))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
    ShareTable root = shares.attribution(Attribution.ROOT).compute(MODELS);
    assertThatThrownBy(() -> new ShareSeries(List.of(new ShareSeries.Point(t1, a),
        new ShareSeries.Point(t1.plusSeconds(1), root))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribution");
  }
}
