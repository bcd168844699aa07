package io.hubshare.analytics;

import static io.hubshare.analytics.TestModel.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.OriginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionTest {
  static final List<Model> MODELS = List.of(
      model("Qwen/Qwen3-8B").downloads(800L).pipeline("text-generation").library("transformers")
          .license("apache-2.0").parameters(8_190_735_360L).build(),
      model("mistralai/Mistral-7B").downloads(400L).pipeline("text-generation").library("transformers")
          .license("apache-2.0").parameters(7_241_732_096L).build(),
      model("bigscience/bloom").downloads(200L).pipeline("text-generation").license("bigscience-bloom-rail-1.0")
          .parameters(176_247_271_424L).build(),
      model("someone/Qwen3-8B-GGUF").downloads(100L).library("gguf").parameters(999_999_999L)
          .base(Relation.QUANTIZED, "Qwen/Qwen3-8B").build(),
      model("someone/lora").downloads(50L).base(Relation.ADAPTER, "Qwen/Qwen3-8B").build());

  static ShareTable by(Dimension d) {
    return Shares.by(d).origins(ShareTableTest.ORIGINS).compute(MODELS);
  }

  @Test
  void regionOrganizationAndKindComeFromTheOrigins() {
    ShareTable region = by(Dimension.REGION);
    assertThat(region.rows()).extracting(ShareRow::key).containsExactly("China", "Europe", "International");
    assertThat(region.rows()).extracting(ShareRow::label).containsExactly("China", "Europe", "International");
    assertThat(region.unknown().value()).isEqualTo(150L);

    assertThat(by(Dimension.ORGANIZATION).rows()).extracting(ShareRow::key)
        .containsExactly("Alibaba", "Mistral AI", "BigScience");

    ShareTable kind = by(Dimension.KIND);
    assertThat(kind.rows()).extracting(ShareRow::key, ShareRow::label).containsExactly(
        org.assertj.core.groups.Tuple.tuple("industry", "Industry"),
        org.assertj.core.groups.Tuple.tuple("non-profit", "Non-profit"));
    assertThat(kind.row("industry").value()).isEqualTo(1200L);
  }

  @Test
  void aRegistryWithOverridesReplacesTheBundledOne() {
    OriginRegistry bundled = OriginRegistry.bundled();
    OriginRegistry mine = bundled.with(bundled.origin("someone", "Someone Lab", "FR", DeveloperKind.ACADEMIA,
        "https://example.org/someone-lab (written for this test)"));

    ShareTable withDefault = Shares.by(Dimension.COUNTRY).compute(MODELS);
    ShareTable withMine = Shares.by(Dimension.COUNTRY).origins(mine).compute(MODELS);

    assertThat(withDefault.row("CN").value()).isEqualTo(800L);
    assertThat(withDefault.row("FR").value()).isEqualTo(400L);
    assertThat(withDefault.unknown().value()).isEqualTo(150L);
    assertThat(withMine.row("FR").value()).isEqualTo(550L);
    assertThat(withMine.unknown().value()).isZero();
  }

  @Test
  void accountNeedsNoRegistry() {
    ShareTable t = Shares.by(Dimension.ACCOUNT).compute(MODELS);
    assertThat(t.rows()).extracting(ShareRow::key)
        .containsExactly("Qwen", "mistralai", "bigscience", "someone");
    assertThat(t.row("someone").value()).isEqualTo(150L);
    assertThat(t.unknown().models()).isZero();
  }

  @Test
  void relationComesFromTheModelsOwnLinks() {
    ShareTable t = by(Dimension.RELATION);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("original", 1400L),
        org.assertj.core.groups.Tuple.tuple("quantized", 100L),
        org.assertj.core.groups.Tuple.tuple("adapter", 50L));
    assertThat(t.row("original").label()).isEqualTo("Original");
  }

  @Test
  void pipelineLibraryAndLicenseLeaveAbsentFieldsUnknown() {
    assertThat(by(Dimension.PIPELINE_TAG).unknown().value()).isEqualTo(150L);
    ShareTable library = by(Dimension.LIBRARY);
    assertThat(library.rows()).extracting(ShareRow::key).containsExactly("transformers", "gguf");
    assertThat(library.unknown().value()).isEqualTo(250L);
    assertThat(by(Dimension.LICENSE).row("apache-2.0").value()).isEqualTo(1200L);
  }

  @Test
  void sizeBucketsHaveInclusiveLowerBounds() {
    ShareTable t = by(Dimension.SIZE);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::label).containsExactly(
        org.assertj.core.groups.Tuple.tuple("3-9B", "3–9B"),
        org.assertj.core.groups.Tuple.tuple(">=100B", "≥100B"),
        org.assertj.core.groups.Tuple.tuple("<1B", "<1B"));
    assertThat(t.unknown().value()).isEqualTo(50L);
    assertThat(SizeBucket.of(1_000_000_000L)).isEqualTo(SizeBucket.B1_TO_3B);
    assertThat(SizeBucket.of(2_999_999_999L)).isEqualTo(SizeBucket.B1_TO_3B);
    assertThat(SizeBucket.of(100_000_000_000L)).isEqualTo(SizeBucket.FROM_100B);
    assertThat(SizeBucket.of(1L)).isEqualTo(SizeBucket.BELOW_1B);
    assertThat(SizeBucket.of(0L)).isNull();
    assertThat(SizeBucket.of(null)).isNull();
  }

  @Test
  void filtersOnPipelineLibraryAndPredicateAreAnded() {
    ShareTable t = Shares.by(Dimension.ACCOUNT).pipelineTag("text-generation").library("transformers")
        .where(m -> m.downloads().last30Days() > 500).compute(MODELS);
    assertThat(t.rows()).extracting(ShareRow::key).containsExactly("Qwen");
    assertThat(t.counts()).isEqualTo(new ShareTable.Counts(5, 1, 0));
    assertThat(t.filters()).containsEntry("pipelineTag", "text-generation").containsEntry("library", "transformers")
        .containsEntry("predicates", "1");
    assertThatThrownBy(() -> Shares.by(Dimension.ACCOUNT).library(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("library");
  }

  @Test
  void namesParseLeniently() {
    assertThat(Dimension.parse("pipeline-tag")).isEqualTo(Dimension.PIPELINE_TAG);
    assertThat(Dimension.parse(" Country ")).isEqualTo(Dimension.COUNTRY);
    assertThat(Metric.parse("downloads-all-time")).isEqualTo(Metric.DOWNLOADS_ALL_TIME);
    assertThatThrownBy(() -> Dimension.parse("planet")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planet").hasMessageContaining("country, region");
    assertThatThrownBy(() -> Metric.parse("stars")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("downloads-between");
  }
}
