package io.hubshare.analytics;

import static io.hubshare.analytics.TestModel.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.lineage.Attribution;
import io.hubshare.origin.OriginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One population over two hubs: each hub's share, accounts looked up on their own hub, comparable metrics only. */
class CrossHubSharesTest {
  private static final List<Model> POPULATION = List.of(
      model("Qwen/Qwen3-8B").allTime(1_000L).build(),
      model("meta-llama/Llama-3.1-8B").allTime(600L).build(),
      model("qwen/Qwen3-8B").on(Hub.MODELSCOPE).allTime(300L).build(),
      // A ModelScope mirror of Meta's model: its uploader is not its developer.
      model("LLM-Research/Meta-Llama-3.1-8B").on(Hub.MODELSCOPE).allTime(200L)
          .base(Relation.FINETUNE, "meta-llama/Llama-3.1-8B").build(),
      // The same spelling as a Hugging Face developer, on a hub where nobody documented who holds it.
      model("meta-llama/Llama-3.1-8B").on(Hub.MODELSCOPE).allTime(50L).build());

  @Test
  void theHubDimensionGivesEachHubsShareUnderItsName() {
    ShareTable t = Shares.by(Dimension.HUB).metric(Metric.DOWNLOADS_ALL_TIME).compute(POPULATION);
    assertThat(t.rows()).extracting(ShareRow::key).containsExactly("huggingface", "modelscope");
    assertThat(t.rows()).extracting(ShareRow::label).containsExactly("Hugging Face", "ModelScope");
    assertThat(t.rows()).extracting(ShareRow::value).containsExactly(1_600L, 550L);
    assertThat(Dimension.parse("hub")).isEqualTo(Dimension.HUB);
  }

  @Test
  void uploadersAreLookedUpOnTheirOwnHubAndMirrorsStayUnknown() {
    ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME)
        .origins(OriginRegistry.bundled()).compute(POPULATION);
    assertThat(value(t, "CN")).isEqualTo(1_300L);
    assertThat(value(t, "US")).as("only Hugging Face's meta-llama is Meta").isEqualTo(600L);
    assertThat(t.unknown().value()).as("the mirror and the undocumented namesake").isEqualTo(250L);
  }

  @Test
  void aBaseNamedByIdIsCreditedThroughWhicheverHubKnowsItsDeveloper() {
    ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME).attribution(Attribution.PARENT)
        .origins(OriginRegistry.bundled()).compute(POPULATION);
    assertThat(value(t, "US")).as("the mirror's base is Meta's model").isEqualTo(800L);
    assertThat(t.unknown().value()).isEqualTo(50L);
  }

  @Test
  void aHubOutsideThePopulationIsNeverConsulted() {
    // ZhipuAI is documented on ModelScope only (Hugging Face knows the developer as zai-org).
    Model hfDerivative = model("someone/glm-finetune").allTime(70L).base(Relation.FINETUNE, "ZhipuAI/GLM-4").build();
    Shares byParent = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME).attribution(Attribution.PARENT)
        .origins(OriginRegistry.bundled());
    assertThat(byParent.compute(List.of(hfDerivative)).unknown().value())
        .as("a Hugging Face population is looked up on Hugging Face only").isEqualTo(70L);
    Model msModel = model("qwen/Qwen3-8B").on(Hub.MODELSCOPE).allTime(1L).build();
    // (computeAcrossHubs announces every hub before the first model; a plain list shows them as they come.)
    assertThat(value(byParent.compute(List.of(msModel, hfDerivative)), "CN"))
        .as("once ModelScope is part of the population, its rows can name the base's developer").isEqualTo(71L);
  }

  @Test
  void thirtyDayDownloadsBesideAllTimeOnesAreRefusedNamingWhatWouldCompare() {
    Map<Hub, long[]> carried = new LinkedHashMap<>();
    carried.put(Hub.HUGGING_FACE, new long[] {10, 10});
    carried.put(Hub.MODELSCOPE, new long[] {5, 0});
    assertThatThrownBy(() -> CrossHubShares.requireComparable(Metric.DOWNLOADS, carried))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot compare downloads (30 days) across Hugging Face and ModelScope")
        .hasMessageContaining("ModelScope gives no downloads (30 days)")
        .hasMessageContaining("downloads-all-time")
        .hasMessageContaining("downloads-between");
  }

  @Test
  void allTimeSharesNeedAllTimeCountsOnEveryHub() {
    Map<Hub, long[]> carried = new LinkedHashMap<>();
    carried.put(Hub.HUGGING_FACE, new long[] {10, 0});
    carried.put(Hub.MODELSCOPE, new long[] {5, 5});
    assertThatThrownBy(() -> CrossHubShares.requireComparable(Metric.DOWNLOADS_ALL_TIME, carried))
        .hasMessageContaining("Hugging Face gives no downloads (all time)")
        .hasMessageContaining("--expand downloadsAllTime");
    carried.put(Hub.HUGGING_FACE, new long[] {10, 3});
    CrossHubShares.requireComparable(Metric.DOWNLOADS_ALL_TIME, carried);
    CrossHubShares.requireComparable(Metric.MODELS, Map.of(Hub.MODELSCOPE, new long[] {5, 0}));
  }

  private static long value(ShareTable t, String key) {
    return t.rows().stream().filter(r -> r.key().equals(key)).mapToLong(ShareRow::value).sum();
  }
}
