package io.hubshare.lineage;

import static io.hubshare.lineage.Crafted.finetune;
import static io.hubshare.lineage.Crafted.merge;
import static io.hubshare.lineage.Crafted.model;
import static io.hubshare.lineage.Crafted.quantized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LineageIndexTest {
  private static LineageIndex sample;

  @BeforeAll
  static void indexTheSample() {
    sample = LineageIndex.of(HubSample.models());
  }

  @Test
  void holdsOnlyTheModelsWithLinks() {
    // 8,112 of the 15,156 models name a base (other than themselves or a local path), through 8,299 links to
    // 2,075 distinct bases.
    assertThat(sample.size()).isEqualTo(8112);
    assertThat(sample.linkCount()).isEqualTo(8299);
    assertThat(sample.distinctParents()).isEqualTo(2075);
    assertThat(sample.isDerivative("Abiray/10Eros-Max-GGUF")).isTrue();
    assertThat(sample.isDerivative("MiniMaxAI/MiniMax-H3")).isFalse();
    assertThat(sample).hasToString("LineageIndex[8112 derivatives, 8299 links, 2075 distinct bases]");
  }

  @Test
  void parentsKeepTheModelsOrderAndRelations() {
    assertThat(sample.parentsOf("hemlang/Hemlock-Qwen3.8-27B")).containsExactly(
        merge("DragonBophades/WichtelHui-Qwen3.8-27B-SLERP"), merge("hemlang/Hemlock-Qwen3.8-27B-LoRA"));
    assertThat(sample.parentsOf("Abiray/10Eros-Max-GGUF")).containsExactly(quantized("TenStrip/10Eros-Max"));
    assertThat(sample.parentsOf("MiniMaxAI/MiniMax-H3")).isEmpty();
    assertThat(sample.parentsOf("nobody/not-in-the-sample")).isEmpty();
  }

  @Test
  void everySampleModelsParentsComeBackExactly() {
    // Three repositories appear twice, renamed by case between two readings (same creation time): one id to the
    // Hub, so one entry in the index.
    Map<String, Long> spellings = HubSample.models().stream()
        .collect(Collectors.groupingBy(m -> m.id().toLowerCase(Locale.ROOT), Collectors.counting()));
    assertThat(spellings.values().stream().filter(n -> n > 1)).hasSize(3);
    for (Model m : HubSample.models()) {
      if (spellings.get(m.id().toLowerCase(Locale.ROOT)) > 1) continue;
      assertThat(sample.parentsOf(m.id())).as(m.id()).isEqualTo(m.baseModels());
    }
  }

  @Test
  void idsAreComparedIgnoringCaseAndReturnedAsLinked() {
    // The card of hoborific/Qwen3.8-27B-W8A8-INT8 names qwen/Qwen3.8-27B; the repository is Qwen/Qwen3.8-27B.
    assertThat(sample.parentsOf("hoborific/Qwen3.8-27B-W8A8-INT8")).extracting(BaseModel::id)
        .containsExactly("qwen/Qwen3.8-27B");
    assertThat(sample.parentsOf("HOBORIFIC/qwen3.8-27b-w8a8-int8")).isEqualTo(
        sample.parentsOf("hoborific/Qwen3.8-27B-W8A8-INT8"));
    // The card of 7tianan/Gemma-4-E4B-Uncensored-HauhauCS-Aggressive names google/gemma-4-e4b-it, whose links the
    // index holds as google/gemma-4-E4B-it: the walk goes on to the base.
    assertThat(sample.parentsOf("7tianan/Gemma-4-E4B-Uncensored-HauhauCS-Aggressive")).extracting(BaseModel::id)
        .containsExactly("google/gemma-4-e4b-it");
    assertThat(sample.rootOf("7tianan/Gemma-4-E4B-Uncensored-HauhauCS-Aggressive")).isEqualTo("google/gemma-4-E4B");
  }

  @Test
  void primaryParentFollowsTheSmallestId() {
    assertThat(sample.primaryParentOf("DragonBophades/WichtelHui-Qwen3.8-27B-SLERP"))
        .isEqualTo("huihui-ai/Huihui-Qwen3.8-27B-abliterated");
    assertThat(sample.primaryBaseOf("ahpramesi/Qwen3.8-27B-Hybrid-Q8Q4-Vision"))
        .isEqualTo(merge("Qwen/Qwen3.8-27B"));
    assertThat(sample.primaryParentOf("Qwen/Qwen3.8-27B")).isNull();
    assertThat(sample.primaryBaseOf("nobody/not-in-the-sample")).isNull();
  }

  @Test
  void rootsOfRealChainsTwoAndThreeStepsDeep() {
    // 8-bit quantization of a Qwen fine-tune.
    assertThat(sample.rootOf("abalogh/cyberneurova-Qwen3.8-27B-8bit")).isEqualTo("Qwen/Qwen3.8-27B");
    // GGUF of a fine-tune of a fine-tune of Qwen.
    assertThat(sample.rootOf("armand0e/Qwen3.8-27B-Fable-Distill-Heretic-ara-GGUF")).isEqualTo("Qwen/Qwen3.8-27B");
    // A split GGUF of unsloth's GGUF of Gemma 4 31B instruct, itself a fine-tune of the base.
    assertThat(sample.rootOf("888rok/gemma-4-31B-it-UD-Q3_K_XL-wllama-split")).isEqualTo("google/gemma-4-31B");
    // Two merges deep: SLERP → abliterated fine-tune → Qwen.
    assertThat(sample.rootOf("mradermacher/Hemlock-Qwen3.8-27B-GGUF")).isEqualTo("Qwen/Qwen3.8-27B");
  }

  @Test
  void aBaseOutsideTheIndexIsTheFurthestAncestorKnown() {
    assertThat(HubSample.contains("Qwen/Qwen3.5-9B-Base")).isFalse();
    assertThat(sample.rootOf("AaryanK/Qwen3.5-9B-GGUF")).isEqualTo("Qwen/Qwen3.5-9B-Base");
    assertThat(sample.rootOf("Qwen/Qwen3.5-9B")).isEqualTo("Qwen/Qwen3.5-9B-Base");
  }

  @Test
  void anOriginalOrUnknownIdIsItsOwnRoot() {
    assertThat(sample.rootOf("Qwen/Qwen3.8-27B")).isEqualTo("Qwen/Qwen3.8-27B");
    assertThat(sample.rootOf("nobody/not-in-the-sample")).isEqualTo("nobody/not-in-the-sample");
  }

  @Test
  void realSelfReferencesEndAtTheModel() {
    // The card of Sigmandndnns/CorX3.8-27B names the model itself as its base, and so do the Hub's tags;
    // mradermacher quantized it. The Hub's reader drops such links, but other sources may hand them over.
    String corx = "Sigmandndnns/CorX3.8-27B";
    String gguf = "mradermacher/CorX3.8-27B-GGUF";
    assertThat(HubSample.get(corx).baseModels()).isEmpty();
    assertThat(HubSample.taggedLinks(corx)).containsExactly(finetune(corx));
    LineageIndex asTagged = LineageIndex.builder()
        .add(corx, HubSample.taggedLinks(corx))
        .add(gguf, HubSample.taggedLinks(gguf))
        .build();
    assertThat(asTagged.rootOf(corx)).isEqualTo(corx);
    assertThat(asTagged.rootOf(gguf)).isEqualTo(corx);
    assertThat(sample.rootOf(gguf)).isEqualTo(corx);
  }

  @Test
  void aTwoModelCycleStopsBeforeTheRepetition() {
    LineageIndex index = LineageIndex.of(List.of(
        model("a/A", finetune("b/B")), model("b/B", finetune("a/A")), model("x/X", quantized("a/A"))));
    assertThat(index.rootOf("a/A")).isEqualTo("b/B");
    assertThat(index.rootOf("b/B")).isEqualTo("a/A");
    assertThat(index.rootOf("x/X")).isEqualTo("b/B");
  }

  @Test
  void aLongCycleWithATailNeverLoops() {
    // m0 → m1 → … → m999 → m0, and t0 → t1 → … → t99 → m500: past the linear check, into the hash set.
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < 1000; i++) models.add(model("c/m" + i, finetune("c/m" + (i + 1) % 1000)));
    for (int i = 0; i < 100; i++) models.add(model("c/t" + i, finetune(i == 99 ? "c/m500" : "c/t" + (i + 1))));
    Collections.shuffle(models, new java.util.Random(7));
    LineageIndex index = LineageIndex.of(models);
    assertThat(index.rootOf("c/m0")).isEqualTo("c/m999");
    assertThat(index.rootOf("c/m500")).isEqualTo("c/m499");
    assertThat(index.rootOf("c/t0")).isEqualTo("c/m499");
  }

  @Test
  void theThreePoliciesOnARealQuantizedFineTune() {
    // Abiray quantized TenStrip's fine-tune of MiniMax-H3.
    Model gguf = HubSample.get("Abiray/10Eros-Max-GGUF");
    assertThat(sample.creditedId(gguf, Attribution.UPLOADER)).isEqualTo("Abiray/10Eros-Max-GGUF");
    assertThat(sample.creditedId(gguf, Attribution.PARENT)).isEqualTo("TenStrip/10Eros-Max");
    assertThat(sample.creditedId(gguf, Attribution.ROOT)).isEqualTo("MiniMaxAI/MiniMax-H3");
  }

  @Test
  void anOriginalIsItsOwnRootAndParent() {
    Model original = HubSample.get("MiniMaxAI/MiniMax-H3");
    for (Attribution a : Attribution.values()) {
      assertThat(sample.creditedId(original, a)).as(a.name()).isEqualTo("MiniMaxAI/MiniMax-H3");
    }
  }

  @Test
  void aModelOutsideTheIndexIsWalkedFromItsOwnLinks() {
    LineageIndex withoutIt = LineageIndex.of(HubSample.models().stream()
        .filter(m -> !m.id().equals("Abiray/10Eros-Max-GGUF")).toList());
    Model gguf = HubSample.get("Abiray/10Eros-Max-GGUF");
    assertThat(withoutIt.isDerivative(gguf.id())).isFalse();
    assertThat(withoutIt.creditedId(gguf, Attribution.ROOT)).isEqualTo("MiniMaxAI/MiniMax-H3");
    assertThat(withoutIt.creditedId(gguf, Attribution.PARENT)).isEqualTo("TenStrip/10Eros-Max");

    // A cycle through the outside model ends before it: a/A (outside) → b/B → a/A.
    LineageIndex onlyB = LineageIndex.of(List.of(model("b/B", finetune("a/A"))));
    assertThat(onlyB.creditedId(model("a/A", finetune("b/B")), Attribution.ROOT)).isEqualTo("b/B");
    assertThat(onlyB.creditedId(model("a/A", finetune("a/A")), Attribution.ROOT)).isEqualTo("a/A");
  }

  @Test
  void theRootDoesNotDependOnTheOrderOfTheLinks() {
    List<Model> reversed = new ArrayList<>();
    for (Model m : HubSample.models()) {
      List<BaseModel> bases = new ArrayList<>(m.baseModels());
      Collections.reverse(bases);
      reversed.add(model(m.id(), bases.toArray(BaseModel[]::new)));
    }
    LineageIndex other = LineageIndex.of(reversed);
    int merges = 0;
    for (Model m : HubSample.models()) {
      assertThat(other.rootOf(m.id())).as(m.id()).isEqualTo(sample.rootOf(m.id()));
      if (m.baseModels().size() > 1) merges++;
    }
    assertThat(merges).isEqualTo(62);
  }

  @Test
  void aLaterReadingReplacesAnEarlierOne() {
    LineageIndex index = LineageIndex.builder()
        .add(model("u/m", finetune("old/base")))
        .add(model("u/other", finetune("x/y")))
        .add("u/m", List.of(BaseModel.of("new/base", Relation.ADAPTER)))
        .build();
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.parentsOf("u/m")).containsExactly(BaseModel.of("new/base", Relation.ADAPTER));
    assertThat(index.rootOf("u/m")).isEqualTo("new/base");
  }

  @Test
  void theBuilderGoesOnAfterBuild() {
    LineageIndex.Builder b = LineageIndex.builder().add(model("a/A", finetune("b/B")));
    LineageIndex first = b.build();
    LineageIndex second = b.add(model("b/B", quantized("c/C"))).build();
    assertThat(first.rootOf("a/A")).isEqualTo("b/B");
    assertThat(second.rootOf("a/A")).isEqualTo("c/C");
  }

  @Test
  void aBuiltIndexStaysAsItWasWhileTheBuilderGoesOn() {
    LineageIndex.Builder b = LineageIndex.builder()
        .add(model("a/A", finetune("b/B")))
        .add(model("x/X", merge("y/Y"), merge("w/W")));
    LineageIndex first = b.build();
    b.add(model("a/A", quantized("z/Z"))).add(model("b/B", finetune("c/C"))).build();
    b.add(model("x/X", finetune("v/V")));
    assertThat(first.size()).isEqualTo(2);
    assertThat(first.parentsOf("a/A")).containsExactly(finetune("b/B"));
    assertThat(first.parentsOf("x/X")).containsExactly(merge("y/Y"), merge("w/W"));
    assertThat(first.rootOf("a/A")).isEqualTo("b/B");
    assertThat(first.distinctParents()).isEqualTo(3);
    LineageIndex last = b.build();
    assertThat(last.parentsOf("a/A")).containsExactly(quantized("z/Z"));
    assertThat(last.parentsOf("x/X")).containsExactly(finetune("v/V"));
    assertThat(last.rootOf("b/B")).isEqualTo("c/C");
    assertThat(last.size()).isEqualTo(3);
    assertThat(last.linkCount()).isEqualTo(3);
  }

  @Test
  void primaryReferencesNumberTheBasesInOrderOfFirstAppearance() {
    LineageIndex.Builder b = LineageIndex.builder();
    // z/Z is met first (0), b/B second (1); b/B is the primary parent, having the smaller id.
    assertThat(b.addAndGetPrimaryRef(model("a/A", merge("z/Z"), merge("b/B")))).isEqualTo(1);
    assertThat(b.addAndGetPrimaryRef(model("c/C", finetune("z/Z")))).isZero();
    assertThat(b.addAndGetPrimaryRef(model("o/Original"))).isEqualTo(-1);
    assertThat(b.addAndGetPrimaryRef(model("d/D", finetune("B/b")))).as("another spelling").isEqualTo(2);
    LineageIndex first = b.build();
    // The numbers hold after a build, for the old index and the new.
    assertThat(b.addAndGetPrimaryRef("b/B", List.of(quantized("z/Z")))).isZero();
    assertThat(b.addAndGetPrimaryRef("e/E", List.of(finetune("q/Q")))).isEqualTo(3);
    LineageIndex second = b.build();

    assertThat(first.baseId(0)).isEqualTo("z/Z");
    assertThat(first.baseId(2)).isEqualTo("B/b");
    assertThat(first.rootOfBase(1)).isEqualTo("b/B");
    assertThat(second.baseId(1)).isEqualTo("b/B");
    assertThat(second.rootOfBase(1)).isEqualTo("z/Z");
    assertThat(second.rootOfBase(2)).as("ids are walked ignoring case").isEqualTo("z/Z");
    assertThat(second.baseId(3)).isEqualTo("q/Q");
    assertThatThrownBy(() -> first.baseId(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> first.rootOfBase(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void everySampleDerivativesReferenceNamesItsPrimaryParent() {
    LineageIndex.Builder b = LineageIndex.builder();
    List<Model> derivatives = new ArrayList<>();
    List<Integer> refs = new ArrayList<>();
    for (Model m : HubSample.models()) {
      int ref = b.addAndGetPrimaryRef(m);
      assertThat(ref >= 0).as(m.id()).isEqualTo(m.isDerivative());
      if (ref >= 0) {
        derivatives.add(m);
        refs.add(ref);
      }
    }
    LineageIndex index = b.build();
    for (int i = 0; i < derivatives.size(); i++) {
      String parent = PrimaryParent.of(derivatives.get(i).baseModels()).id();
      assertThat(index.baseId(refs.get(i))).isEqualTo(parent);
      assertThat(index.rootOfBase(refs.get(i))).isEqualTo(sample.rootOf(parent));
    }
  }

  @Test
  void anEmptyIndexKnowsNothing() {
    LineageIndex empty = LineageIndex.builder().build();
    assertThat(empty.size()).isZero();
    assertThat(empty.rootOf("a/A")).isEqualTo("a/A");
    assertThat(empty.parentsOf("a/A")).isEmpty();
  }

  @Test
  void nullArgumentsFailFast() {
    assertThatThrownBy(() -> sample.rootOf(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> sample.creditedId(HubSample.get("MiniMaxAI/MiniMax-H3"), null))
        .isInstanceOf(NullPointerException.class).hasMessage("attribution");
  }
}
