package io.hubshare.lineage;

import static io.hubshare.lineage.Crafted.finetune;
import static io.hubshare.lineage.Crafted.merge;
import static io.hubshare.lineage.Crafted.model;
import static io.hubshare.lineage.Crafted.quantized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LineageWalkerTest {
  private static LineageWalker walker;

  @BeforeAll
  static void walkTheSample() {
    walker = new LineageWalker(ModelIndex.of(HubSample.models()));
  }

  @Test
  void aGgufOfAFineTuneOfAFineTuneOfQwen() {
    Lineage l = walker.walk("armand0e/Qwen3.8-27B-Fable-Distill-Heretic-ara-GGUF");
    assertThat(l.chain()).containsExactly(
        new LineageStep("armand0e/Qwen3.8-27B-Fable-Distill-Heretic-ara", Relation.QUANTIZED, false, List.of()),
        new LineageStep("TeichAI/Qwen3.8-27B-Fable-Distill", Relation.FINETUNE, false, List.of()),
        new LineageStep("Qwen/Qwen3.8-27B", Relation.FINETUNE, false, List.of()));
    assertThat(l.end()).isEqualTo(Lineage.End.ROOT);
    assertThat(l.root()).isEqualTo("Qwen/Qwen3.8-27B");
    assertThat(l.depth()).isEqualTo(3);
    assertThat(l.repeated()).isNull();
  }

  @Test
  void aQuantizationOfAFineTuneTwoStepsDeep() {
    Lineage l = walker.walk("Abiray/10Eros-Max-GGUF");
    assertThat(l).hasToString(
        "Abiray/10Eros-Max-GGUF → quantized:TenStrip/10Eros-Max → finetune:MiniMaxAI/MiniMax-H3 [ROOT]");
    assertThat(l.creditedId(Attribution.UPLOADER)).isEqualTo("Abiray/10Eros-Max-GGUF");
    assertThat(l.creditedId(Attribution.PARENT)).isEqualTo("TenStrip/10Eros-Max");
    assertThat(l.creditedId(Attribution.ROOT)).isEqualTo("MiniMaxAI/MiniMax-H3");
  }

  @Test
  void anOriginalIsItsOwnRootParentAndUploader() {
    Lineage l = walker.walk("MiniMaxAI/MiniMax-H3");
    assertThat(l.chain()).isEmpty();
    assertThat(l.end()).isEqualTo(Lineage.End.ROOT);
    for (Attribution a : Attribution.values()) assertThat(l.creditedId(a)).isEqualTo("MiniMaxAI/MiniMax-H3");
  }

  @Test
  void aBaseMissingFromTheIndexEndsTheWalkWithAMarkedStep() {
    Lineage l = walker.walk("AaryanK/Qwen3.5-9B-GGUF");
    assertThat(l.chain()).containsExactly(
        new LineageStep("Qwen/Qwen3.5-9B", Relation.QUANTIZED, false, List.of()),
        new LineageStep("Qwen/Qwen3.5-9B-Base", Relation.FINETUNE, true, List.of()));
    assertThat(l.end()).isEqualTo(Lineage.End.MISSING);
    assertThat(l.root()).isEqualTo("Qwen/Qwen3.5-9B-Base");
    assertThat(l.toString()).endsWith("finetune:Qwen/Qwen3.5-9B-Base (missing) [MISSING]");
  }

  @Test
  void aStartThatCannotBeFoundIsMissingWithNoSteps() {
    Lineage l = walker.walk("nobody/not-in-the-sample");
    assertThat(l).isEqualTo(new Lineage("nobody/not-in-the-sample", List.of(), "nobody/not-in-the-sample",
        Lineage.End.MISSING));
  }

  @Test
  void mergesKeepTheirOtherParentsVisible() {
    Lineage l = walker.walk("mradermacher/Hemlock-Qwen3.8-27B-GGUF");
    assertThat(l.chain()).extracting(LineageStep::id).containsExactly("hemlang/Hemlock-Qwen3.8-27B",
        "DragonBophades/WichtelHui-Qwen3.8-27B-SLERP", "huihui-ai/Huihui-Qwen3.8-27B-abliterated",
        "Qwen/Qwen3.8-27B");
    assertThat(l.chain().get(1).relation()).isEqualTo(Relation.MERGE);
    assertThat(l.chain().get(1).otherParents()).containsExactly(merge("hemlang/Hemlock-Qwen3.8-27B-LoRA"));
    assertThat(l.chain().get(2).otherParents()).containsExactly(merge("nbeerbower/Wichtel-Qwen3.6-27B"));
    assertThat(l.chain().get(2).isOneOfSeveral()).isTrue();
    assertThat(l.chain().get(3).isOneOfSeveral()).isFalse();
    assertThat(l.end()).isEqualTo(Lineage.End.ROOT);
  }

  @Test
  void aRealSelfReferenceIsACycleAtTheModel() {
    // Linked as the Hub's tags state it (the Hub's reader would drop the self-reference).
    String corx = "Sigmandndnns/CorX3.8-27B";
    LineageWalker asTagged = new LineageWalker(ModelIndex.of(List.of(asTagged(corx))));
    Lineage self = asTagged.walk(corx);
    assertThat(self.chain()).isEmpty();
    assertThat(self.end()).isEqualTo(Lineage.End.CYCLE);
    assertThat(self.repeated()).isEqualTo(corx);
    assertThat(self.root()).isEqualTo(corx);

    Lineage gguf = asTagged.walk(asTagged("mradermacher/CorX3.8-27B-GGUF"));
    assertThat(gguf).hasToString(
        "mradermacher/CorX3.8-27B-GGUF → quantized:Sigmandndnns/CorX3.8-27B [CYCLE at Sigmandndnns/CorX3.8-27B]");
    assertThat(gguf.root()).isEqualTo(corx);
  }

  @Test
  void aTwoModelCycleEndsWhereAnIdRepeats() {
    LineageWalker w = new LineageWalker(ModelIndex.of(List.of(
        model("a/A", finetune("b/B")), model("b/B", finetune("a/A")))));
    Lineage l = w.walk("a/A");
    assertThat(l.chain()).containsExactly(new LineageStep("b/B", Relation.FINETUNE, false, List.of()));
    assertThat(l.end()).isEqualTo(Lineage.End.CYCLE);
    assertThat(l.repeated()).isEqualTo("a/A");
    assertThat(l.root()).isEqualTo("b/B");
  }

  @Test
  void aCycleSpelledInAnotherCaseIsStillACycle() {
    List<Model> models = List.of(model("a/A", finetune("b/B")), model("b/B", finetune("A/a")));
    Lineage l = new LineageWalker(ModelIndex.of(models)).walk("a/A");
    assertThat(l.end()).isEqualTo(Lineage.End.CYCLE);
    assertThat(l.repeated()).isEqualTo("A/a");
    assertThat(l.root()).isEqualTo("b/B");
    assertThat(LineageIndex.of(models).rootOf("a/A")).isEqualTo("b/B");
  }

  @Test
  void aLongCycleEndsAfterEveryModelOnce() {
    List<Model> ring = new ArrayList<>();
    for (int i = 0; i < 500; i++) ring.add(model("c/m" + i, quantized("c/m" + (i + 1) % 500)));
    Lineage l = new LineageWalker(ModelIndex.of(ring)).walk("c/m0");
    assertThat(l.depth()).isEqualTo(499);
    assertThat(l.root()).isEqualTo("c/m499");
    assertThat(l.repeated()).isEqualTo("c/m0");
  }

  @Test
  void aRenamedBaseThatLeadsBackIsACycleByItsNewId() {
    // a/A names old/B; the Hub answers for old/B with new/B (renamed), whose base is a/A again.
    Model a = model("a/A", finetune("old/B"));
    Model b = model("new/B", finetune("a/A"));
    Map<String, Model> hub = Map.of("a/A", a, "old/B", b, "new/B", b);
    Lineage l = new LineageWalker(hub::get).walk("a/A");
    assertThat(l.chain()).containsExactly(new LineageStep("new/B", Relation.FINETUNE, false, List.of()));
    assertThat(l.end()).isEqualTo(Lineage.End.CYCLE);
    assertThat(l.repeated()).isEqualTo("a/A");

    // A base renamed to an id already walked: x/X → old/B → (renamed to) x/X.
    Model x = model("x/X", finetune("old/X"));
    Lineage renamedToSelf = new LineageWalker(Map.of("x/X", x, "old/X", x)::get).walk("x/X");
    assertThat(renamedToSelf.chain()).isEmpty();
    assertThat(renamedToSelf.repeated()).isEqualTo("x/X");
  }

  @Test
  void walkerAndIndexCreditTheSameIdsForEverySampleModel() {
    Map<Lineage.End, Integer> ends = creditTheSame(HubSample.models());
    // Most derivatives of the sample name a base outside it.
    assertThat(ends).containsExactlyInAnyOrderEntriesOf(Map.of(Lineage.End.ROOT, 9695, Lineage.End.MISSING, 5461));
  }

  @Test
  void walkerAndIndexCreditTheSameIdsWhenLinkedAsTagged() {
    // Self-references and local paths kept: 30 walks meet a cycle.
    Map<Lineage.End, Integer> ends = creditTheSame(HubSample.models().stream().map(m -> asTagged(m.id())).toList());
    assertThat(ends).containsExactlyInAnyOrderEntriesOf(
        Map.of(Lineage.End.ROOT, 9905, Lineage.End.MISSING, 5221, Lineage.End.CYCLE, 30));
  }

  private static Map<Lineage.End, Integer> creditTheSame(List<Model> models) {
    LineageIndex index = LineageIndex.of(models);
    LineageWalker w = new LineageWalker(ModelIndex.of(models));
    Map<Lineage.End, Integer> ends = new java.util.EnumMap<>(Lineage.End.class);
    // Three repositories were read twice, renamed by case in between: the index keeps the reading with links.
    Set<String> readTwice = Set.of("gautam6/gautamai", "anton-atef/ai-nutrition-assistant",
        "ahiskaai/ahiskaai-experimental-v0.2-135m");
    for (Model m : models) {
      Lineage l = w.walk(m);
      ends.merge(l.end(), 1, Integer::sum);
      if (readTwice.contains(m.id().toLowerCase(java.util.Locale.ROOT))) continue;
      for (Attribution a : Attribution.values()) {
        // The walker answers with the ids models give themselves, the index with ids as linked: google/gemma-4-E4B-it
        // where a card wrote google/gemma-4-e4b-it. The Hub reads both as one.
        assertThat(l.creditedId(a)).as(m.id() + " " + a).isEqualToIgnoringCase(index.creditedId(m, a));
      }
    }
    return ends;
  }

  private static Model asTagged(String id) {
    return model(id, HubSample.taggedLinks(id).toArray(io.hubshare.domain.BaseModel[]::new));
  }

  @Test
  void lineagesCheckTheirOwnConsistency() {
    List<LineageStep> chain = List.of(new LineageStep("b/B", Relation.FINETUNE, false, List.of()));
    assertThatThrownBy(() -> new Lineage("a/A", chain, "c/C", Lineage.End.ROOT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root c/C");
    assertThatThrownBy(() -> new Lineage("a/A", chain, "b/B", Lineage.End.CYCLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CYCLE");
    assertThatThrownBy(() -> new LineageStep("b/B", Relation.ORIGINAL, false, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
