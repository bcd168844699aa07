package io.hubshare.lineage;

import static io.hubshare.lineage.Crafted.finetune;
import static io.hubshare.lineage.Crafted.model;
import static io.hubshare.lineage.Crafted.quantized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FamiliesTest {
  private static Families sample;

  @BeforeAll
  static void countTheSample() {
    sample = Families.of(HubSample.models());
  }

  @Test
  void everyModelIsCountedOnceInOneFamily() {
    assertThat(sample.size()).isEqualTo(8494);
    long members = sample.all().stream().mapToLong(Family::members).sum();
    assertThat(members).isEqualTo(HubSample.models().size());
    long downloads = sample.all().stream().mapToLong(f -> f.downloadsLast30Days()).sum();
    assertThat(downloads).isEqualTo(HubSample.models().stream().mapToLong(m -> m.downloads().last30Days()).sum());
  }

  @Test
  void qwensOwnQuantizationIsOwnTheRestIsCommunity() {
    Family qwen = sample.get("Qwen/Qwen3.8-27B");
    assertThat(qwen.rootPresent()).isTrue();
    assertThat(qwen.developer()).isEqualTo("Qwen");
    assertThat(qwen.members()).isEqualTo(1017);
    assertThat(qwen.own().models()).isEqualTo(2);   // the root and Qwen/Qwen3.8-27B-FP8
    assertThat(qwen.own().byRelation())
        .containsExactly(Map.entry(Relation.ORIGINAL, 1), Map.entry(Relation.QUANTIZED, 1));
    assertThat(qwen.own().downloadsLast30Days()).isEqualTo(4_397_476L);
    assertThat(qwen.community().byRelation()).containsExactly(Map.entry(Relation.FINETUNE, 154),
        Map.entry(Relation.ADAPTER, 50), Map.entry(Relation.QUANTIZED, 808), Map.entry(Relation.MERGE, 3));
    assertThat(qwen.community().downloadsLast30Days()).isEqualTo(20_626_253L);
    assertThat(qwen.countsByRelation()).containsEntry(Relation.QUANTIZED, 809).containsEntry(Relation.ORIGINAL, 1);
    assertThat(qwen.downloadsAllTime()).isNull();   // list pages without expand=downloadsAllTime
  }

  @Test
  void metaInstructIsTheDevelopersOwnFineTune() {
    Family llama = sample.get("meta-llama/Llama-3.1-8B");
    assertThat(llama.own().count(Relation.FINETUNE)).isEqualTo(1);
    assertThat(llama.own().count(Relation.ORIGINAL)).isEqualTo(1);
    assertThat(llama.community().count(Relation.ADAPTER)).isEqualTo(73);
    assertThat(llama.community().count(Relation.ORIGINAL)).isZero();
    assertThat(llama.members()).isEqualTo(109);
  }

  @Test
  void aRootOutsideTheSetStillNamesItsFamily() {
    Family base = sample.get("Qwen/Qwen3-0.6B-Base");
    assertThat(base.rootPresent()).isFalse();
    assertThat(base.own().models()).isEqualTo(2);   // Qwen/Qwen3-0.6B and Qwen/Qwen3-Embedding-0.6B
    assertThat(base.own().count(Relation.FINETUNE)).isEqualTo(2);
    assertThat(base.own().count(Relation.ORIGINAL)).isZero();
    assertThat(base.community().models()).isEqualTo(83);
    assertThat(sample.familyOf("Qwen/Qwen3-0.6B")).isEqualTo("Qwen/Qwen3-0.6B-Base");
  }

  @Test
  void aRootSpelledInAnotherCaseIsOneFamily() {
    // hoborific's card names qwen/Qwen3.8-27B: the same repository, so the same family, under the root's own id.
    String root = sample.familyOf("hoborific/Qwen3.8-27B-W8A8-INT8");
    assertThat(root).isEqualTo("qwen/Qwen3.8-27B");
    assertThat(sample.get(root).root()).isEqualTo("Qwen/Qwen3.8-27B");
    assertThat(sample.get(root).members()).isEqualTo(1017);
    assertThat(sample.all()).extracting(Family::root).doesNotContain("qwen/Qwen3.8-27B");
  }

  @Test
  void largestFamiliesComeFirst() {
    assertThat(sample.largest(3)).extracting(Family::root)
        .containsExactly("Qwen/Qwen3.8-27B", "Qwen/Qwen3.5-9B-Base", "Qwen/Qwen3.6-27B");
    assertThat(sample.largest(0)).isEmpty();
    assertThatThrownBy(() -> sample.largest(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 0, was -1");
    assertThat(sample.get("nobody/not-in-the-sample")).isNull();
  }

  @Test
  void developerOfGroupsAccountsOfOneDeveloper() {
    // One organisation publishing from two accounts: its instruct model counts as its own.
    List<Model> models = List.of(
        model("acme/Acme-7B", 100L),
        model("acme-research/Acme-7B-Instruct", 50L, finetune("acme/Acme-7B")),
        model("someone/Acme-7B-Instruct-GGUF", 20L, quantized("acme-research/Acme-7B-Instruct")));
    Function<String, String> registry = account -> account.startsWith("acme") ? "Acme Corp" : account;

    Family byAccount = Families.of(models).get("acme/Acme-7B");
    assertThat(byAccount.own().models()).isEqualTo(1);
    assertThat(byAccount.community().models()).isEqualTo(2);

    Family byDeveloper = Families.of(models, registry).get("acme/Acme-7B");
    assertThat(byDeveloper.developer()).isEqualTo("Acme Corp");
    assertThat(byDeveloper.own().models()).isEqualTo(2);
    assertThat(byDeveloper.own().downloadsLast30Days()).isEqualTo(150L);
    assertThat(byDeveloper.community().byRelation()).containsExactly(Map.entry(Relation.QUANTIZED, 1));
    assertThat(byDeveloper.community().downloadsLast30Days()).isEqualTo(20L);
  }

  @Test
  void aWindowIsCountedAgainstTheLineageOfAWholeCrawl() {
    // Only the GGUF is counted, but its lineage comes from the whole sample.
    LineageIndex whole = LineageIndex.of(HubSample.models());
    Families window = Families.of(List.of(HubSample.get("Abiray/10Eros-Max-GGUF")), whole, Function.identity());
    assertThat(window.size()).isEqualTo(1);
    Family minimax = window.get("MiniMaxAI/MiniMax-H3");
    assertThat(minimax.rootPresent()).isFalse();
    assertThat(minimax.community().byRelation()).containsExactly(Map.entry(Relation.QUANTIZED, 1));
    assertThat(minimax.downloadsLast30Days()).isEqualTo(12_583L);
  }

  @Test
  void aBuilderIsDoneOnceBuilt() {
    Families.Builder b = Families.builder(LineageIndex.builder().build(), Function.identity());
    b.add(model("a/A", 1L)).build();
    assertThatThrownBy(() -> b.add(model("b/B", 1L))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }
}
