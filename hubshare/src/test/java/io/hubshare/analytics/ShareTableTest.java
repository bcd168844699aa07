package io.hubshare.analytics;

import static io.hubshare.analytics.TestModel.model;
import static io.hubshare.analytics.TestModel.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hubshare.domain.Model;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShareTableTest {
  static final Function<String, Origin> ORIGINS = TestModel.origins(
      origin("Qwen", "Alibaba", "CN", "China", DeveloperKind.INDUSTRY),
      origin("deepseek-ai", "DeepSeek", "CN", "China", DeveloperKind.INDUSTRY),
      origin("meta-llama", "Meta", "US", "United States", DeveloperKind.INDUSTRY),
      origin("mistralai", "Mistral AI", "FR", "Europe", DeveloperKind.INDUSTRY),
      origin("bigscience", "BigScience", null, "International", DeveloperKind.NON_PROFIT));

  static Shares byCountry() {
    return Shares.by(Dimension.COUNTRY).origins(ORIGINS);
  }

  @Test
  void sharesAreOfTheTotalWithUnknownKeptApart() {
    ShareTable t = byCountry().compute(List.of(
        model("Qwen/Qwen3-8B").downloads(600L).build(),
        model("meta-llama/Llama-3.1-8B").downloads(300L).build(),
        model("someone/tiny").downloads(100L).build()));

    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::label, ShareRow::value, ShareRow::rank)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CN", "China", 600L, 1),
            org.assertj.core.groups.Tuple.tuple("US", "United States", 300L, 2));
    assertThat(t.share("CN")).isEqualTo(0.6);
    assertThat(t.share("US")).isEqualTo(0.3);
    assertThat(t.unknown().value()).isEqualTo(100L);
    assertThat(t.unknown().share()).isEqualTo(0.1);
    assertThat(t.unknown().key()).isEqualTo(ShareTable.UNKNOWN_KEY);
    assertThat(t.total()).isEqualTo(1000L);
    assertThat(t.knownTotal()).isEqualTo(900L);
    // Concentration of the known rows against their own total: 2/3 and 1/3.
    assertThat(t.hhi()).isCloseTo(10_000.0 * (4.0 / 9 + 1.0 / 9), within(1e-9));
    assertThat(t.topShare(1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(t.gini()).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void aKnownDeveloperWithoutOneCountryIsInternationalNotUnknown() {
    ShareTable t = byCountry().compute(List.of(model("bigscience/bloom").downloads(10L).build()));

    assertThat(t.rows()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("XX");
      assertThat(r.label()).isEqualTo("International");
    });
    assertThat(t.unknown().models()).isZero();
  }

  @Test
  void equalValuesShareARankAndAreOrderedByKey() {
    ShareTable t = byCountry().compute(List.of(
        model("mistralai/a").downloads(5L).build(),
        model("Qwen/b").downloads(5L).build(),
        model("meta-llama/c").downloads(5L).build(),
        model("bigscience/d").downloads(1L).build()));

    assertThat(t.rows()).extracting(ShareRow::key).containsExactly("CN", "FR", "US", "XX");
    assertThat(t.rows()).extracting(ShareRow::rank).containsExactly(1, 1, 1, 4);
    assertThat(t.gini()).isGreaterThan(0);
  }

  @Test
  void emptyInputGivesAnEmptyTableNotAnError() {
    ShareTable t = byCountry().compute(List.of());

    assertThat(t.rows()).isEmpty();
    assertThat(t.total()).isZero();
    assertThat(t.unknown().share()).isZero();
    assertThat(t.hhi()).isZero();
    assertThat(t.gini()).isZero();
    assertThat(t.counts()).isEqualTo(new ShareTable.Counts(0, 0, 0));
    assertThat(t.toText()).contains("total").contains("0.0%");
    assertThat(t.toCsv()).isEqualTo("rank,key,label,value,share,models,missing\r\n"
        + ",(unknown),Unknown,0,0.0000000000,0,0\r\n");
  }

  @Test
  void allUnknownInputLandsInTheUnknownRowOnly() {
    ShareTable t = byCountry().compute(List.of(
        model("someone/a").downloads(7L).build(),
        model("legacy-bare-name").downloads(3L).build()));

    assertThat(t.rows()).isEmpty();
    assertThat(t.unknown().value()).isEqualTo(10L);
    assertThat(t.unknown().models()).isEqualTo(2L);
    assertThat(t.unknown().share()).isEqualTo(1.0);
    assertThat(t.hhi()).isZero();
  }

  @Test
  void createdBetweenIsHalfOpenAndDropsModelsWithoutACreationTime() {
    List<Model> models = List.of(
        model("Qwen/before").created("2024-07-31T23:59:59.999Z").downloads(1L).build(),
        model("Qwen/at-from").created("2024-08-01T00:00:00Z").downloads(10L).build(),
        model("Qwen/inside").created("2025-03-01T12:00:00Z").downloads(100L).build(),
        model("Qwen/at-to").created("2025-08-01T00:00:00Z").downloads(1000L).build(),
        model("Qwen/undated").downloads(10_000L).build());

    ShareTable t = byCountry()
        .createdBetween(java.time.LocalDate.parse("2024-08-01"), java.time.LocalDate.parse("2025-08-01"))
        .compute(models);

    assertThat(t.total()).isEqualTo(110L);
    assertThat(t.counts()).isEqualTo(new ShareTable.Counts(5, 2, 0));
    assertThat(t.filters()).containsEntry("createdFrom", "2024-08-01T00:00:00Z")
        .containsEntry("createdTo", "2025-08-01T00:00:00Z");
    assertThatThrownBy(() -> byCountry().createdBetween(java.time.Instant.EPOCH, java.time.Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from < to");
  }

  @Test
  void aModelWithoutTheMetricIsMissingNotZero() {
    ShareTable t = byCountry().metric(Metric.DOWNLOADS_ALL_TIME).compute(List.of(
        model("Qwen/a").allTime(50L).build(),
        model("Qwen/b").downloads(999L).build(),
        model("someone/c").build()));

    assertThat(t.row("CN")).isNotNull().satisfies(r -> {
      assertThat(r.value()).isEqualTo(50L);
      assertThat(r.models()).isEqualTo(2L);
      assertThat(r.missing()).isEqualTo(1L);
      assertThat(r.share()).isEqualTo(1.0);
    });
    assertThat(t.unknown().missing()).isEqualTo(1L);
    assertThat(t.counts()).isEqualTo(new ShareTable.Counts(3, 3, 2));
    assertThat(t.counts().counted()).isEqualTo(1L);
    assertThat(t.toText()).contains("2 without a value");
  }

  @Test
  void modelsAndLikesAreMetricsToo() {
    List<Model> models = List.of(
        model("Qwen/a").likes(3L).build(),
        model("Qwen/b").likes(4L).build(),
        model("meta-llama/c").build());

    ShareTable count = byCountry().metric(Metric.MODELS).compute(models);
    assertThat(count.row("CN").value()).isEqualTo(2L);
    // The value is the model count: no second column repeats it.
    assertThat(count.toText().lines().filter(l -> l.startsWith("rank")).findFirst().orElseThrow())
        .isEqualTo("rank  key      label          models   share");
    assertThat(count.row("US").value()).isEqualTo(1L);
    assertThat(count.counts().missing()).isZero();

    ShareTable likes = byCountry().metric(Metric.LIKES).compute(models);
    assertThat(likes.row("CN").value()).isEqualTo(7L);
    assertThat(likes.row("US").missing()).isEqualTo(1L);
  }

  @Test
  void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
    Function<String, Origin> odd = TestModel.origins(
        origin("acme", "Acme, \"Labs\"", "US", "United States", DeveloperKind.INDUSTRY),
        origin("multi", "Line\nBreak", "US", "United States", DeveloperKind.INDUSTRY));
    ShareTable t = Shares.by(Dimension.ORGANIZATION).origins(odd).compute(List.of(
        model("acme/x").downloads(3L).build(),
        model("multi/y").downloads(1L).build()));

    assertThat(t.toCsv()).isEqualTo("rank,key,label,value,share,models,missing\r\n"
        + "1,\"Acme, \"\"Labs\"\"\",\"Acme, \"\"Labs\"\"\",3,0.7500000000,1,0\r\n"
        + "2,\"Line\nBreak\",\"Line\nBreak\",1,0.2500000000,1,0\r\n"
        + ",(unknown),Unknown,0,0.0000000000,0,0\r\n");
    assertThat(CsvFormat.quote(" padded")).isEqualTo("\" padded\"");
    assertThat(CsvFormat.quote("plain")).isEqualTo("plain");
  }

  @Test
  void textTableIsAlignedWithSeparatorsPercentagesUnknownAndTotalLast() {
    ShareTable t = byCountry().compute(List.of(
        model("Qwen/a").downloads(1_234_567L).build(),
        model("meta-llama/b").downloads(45_678L).build(),
        model("mistralai/c").downloads(1_000L).build(),
        model("someone/d").downloads(200_000L).build()));

    // Known total 1,281,245: shares 0.96357, 0.03565, 0.00078; HHI 9,297; Gini (-2*1,000 + 2*1,234,567) / (3 *
    // 1,281,245) = 0.642.
    assertThat(t.toText(2)).isEqualTo(""
        + "Downloads (30 days) by country, attribution uploader\n"
        + "\n"
        + "rank  key          label          downloads (30 days)   share  models\n"
        + "   1  CN           China                    1,234,567   83.3%       1\n"
        + "   2  US           United States               45,678    3.1%       1\n"
        + "      other 1 row                               1,000    0.1%       1\n"
        + "      unknown      Unknown                    200,000   13.5%       1\n"
        + "      total                                 1,481,245  100.0%       4\n"
        + "\n"
        + "models: 4 seen, 4 matched the filters, 0 without a value (left out)\n"
        + "concentration of the known rows: top-1 96.4%, HHI 9,297, Gini 0.642\n");
    assertThatThrownBy(() -> t.toText(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultCanBeTakenOnlyOnce() {
    ShareAccumulator acc = byCountry().accumulator().add(model("Qwen/a").downloads(1L).build());
    acc.result();
    assertThatThrownBy(acc::result).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> acc.add(model("Qwen/b").downloads(1L).build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("new accumulator");
  }
}
