package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2026-08 sample (15,156 real models in list wire format; radar-huggingface-dataset, CC BY 4.0, see the NOTICE
 * beside it), parsed line by line.
 */
class HubSampleTest {
  private static final List<String> RELATIONS = List.of("finetune", "quantized", "adapter", "merge");

  private static List<String> lines;
  private static List<Model> models;
  private static Map<String, Model> byId;

  @BeforeAll
  static void parseTheSample() {
    lines = HfFixtures.sampleLines();
    models = new ArrayList<>(lines.size());
    byId = new HashMap<>();
    for (String line : lines) {
      Model m = HfModels.parse(line);
      models.add(m);
      byId.put(m.id().toLowerCase(Locale.ROOT), m);
    }
  }

  @Test
  void everyLineParsesIntoAModelKeepingItsText() {
    assertThat(models).hasSize(15_156);
    // Three repositories appear twice, spelt with different capitals (same creation time): the source listed the
    // repository before and after a case-only rename. Ids are case-insensitive on the Hub.
    assertThat(byId.size()).isEqualTo(15_153);
    assertThat(models.stream().map(Model::id).distinct().count()).isEqualTo(15_156);
    assertThat(byId.get("gautam6/gautamai").createdAt()).isEqualTo(java.time.Instant.parse("2026-08-22T03:21:06Z"));
    for (int i = 0; i < lines.size(); i++) {
      assertThat(models.get(i).rawJson()).isSameAs(lines.get(i));
    }
    assertThat(models).allSatisfy(m -> {
      assertThat(m.author()).isEqualTo(m.owner());
      assertThat(m.createdAt()).isNotNull();
      assertThat(m.downloads().last30Days()).isNotNull();
      // The source has no downloadsAllTime: absent, never 0.
      assertThat(m.downloads().allTime()).isNull();
    });
    assertThat(models.stream().filter(m -> m.gating() == Gating.MANUAL)).hasSize(415);
    assertThat(models.stream().filter(m -> m.gating() == Gating.OPEN)).hasSize(14_741);
    assertThat(models.stream().filter(m -> m.parameters() != null)).hasSize(5_711 + 1_807);
  }

  /**
   * The sample's README says its tags hold "8,279 real base_model: links (3,702 finetune, 2,887 quantized, 1,651
   * adapter, 225 merge)". Those four numbers add up to 8,465, not 8,279, so they cannot all describe one count;
   * only the merge figure matches what the tags hold. Counted directly, the tags hold 8,070 links with an explicit
   * relation: 3,468 finetune, 2,806 quantized, 1,571 adapter, 225 merge.
   *
   * <p>What the parser makes of them, 8,299 links:
   * <ul>
   *   <li>− 47 adapter links to local paths ({@code /cache/models/...}, {@code outputs/.../pretrained_model},
   *       {@code C:\Models\...}): PEFT writes the path the adapter was trained from, and the Hub tags it as is;
   *   <li>− 23 self-references (22 finetune, 1 quantized): a model naming itself, often after a rename;
   *   <li>+ 2 relation-less {@code base_model:<id>} tags beside a model's explicit links (they take its relation,
   *       quantized);
   *   <li>+ 297 links from {@code cardData.base_model} of the 292 models whose tags carry no base-model link at all,
   *       relation inferred: 178 finetune (mostly of {@code unsloth/...} checkpoints), 83 quantized, 21 adapter,
   *       15 merge.
   * </ul>
   * So 3,624 finetune, 2,890 quantized, 1,545 adapter and 240 merge links, on 8,112 models.
   * The 562 card names that disagree with the tags of models that have them are left out, as the tags win: they
   * are renames the Hub resolved ({@code bert-base-uncased} → {@code google-bert/bert-base-uncased}), case
   * differences, and extra bases of multi-base cards to which the Hub gave a single finetune, quantized or adapter
   * link.
   */
  @Test
  void baseModelLinksByRelationReconcileWithTheTags() {
    Map<String, Integer> explicitTags = new HashMap<>();
    for (String line : lines) {
      for (String tag : HfModels.parse(line).tags()) {
        for (String r : RELATIONS) {
          if (tag.startsWith("base_model:" + r + ":")) explicitTags.merge(r, 1, Integer::sum);
        }
      }
    }
    assertThat(explicitTags).isEqualTo(Map.of("finetune", 3_468, "quantized", 2_806, "adapter", 1_571, "merge", 225));

    Map<Relation, Integer> parsed = new EnumMap<>(Relation.class);
    int fromCardOnly = 0;
    for (Model m : models) {
      for (BaseModel b : m.baseModels()) parsed.merge(b.relation(), 1, Integer::sum);
      if (m.tags().stream().noneMatch(t -> t.startsWith("base_model:"))) fromCardOnly += m.baseModels().size();
    }
    assertThat(fromCardOnly).isEqualTo(297);
    assertThat(parsed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8_070 - 47 - 23 + 2 + 297);
    assertThat(new HashMap<>(parsed)).isEqualTo(Map.of(
        Relation.FINETUNE, 3_468 - 22 + 178,
        Relation.QUANTIZED, 2_806 - 1 + 2 + 83,
        Relation.ADAPTER, 1_571 - 47 + 21,
        Relation.MERGE, 225 + 15));
    assertThat(models.stream().filter(Model::isDerivative)).hasSize(8_112);
  }

  @Test
  void adapterLinksToLocalPathsAreIgnored() {
    Model pathOnly = model("sadjava/smolvla-libero-goal-peft-t0-n10-s1000");
    assertThat(pathOnly.tags())
        .contains("base_model:adapter:outputs/smolvla_libero90_100k/checkpoints/last/pretrained_model");
    assertThat(pathOnly.baseModels()).isEmpty();

    Model pathAndId = model("firzahdzm/tourn-smoke-qwen3-5-9b-super-sm1");
    assertThat(pathAndId.tags()).contains("base_model:adapter:/cache/models/Qwen--Qwen3.5-9B");
    assertThat(pathAndId.baseModels()).containsExactly(BaseModel.of("Qwen/Qwen3.5-9B", Relation.ADAPTER));

    assertThat(model("Gundoeb/DDLC").baseModels()).isEmpty();
  }

  @Test
  void selfReferencesAreIgnoredButSimilarNamesAreRealLinks() {
    assertThat(model("Abrorl5/gemini-2.5.0").tags()).contains("base_model:finetune:Abrorl5/gemini-2.5.0");
    assertThat(model("Abrorl5/gemini-2.5.0").baseModels()).isEmpty();
    // Renamed from Quartz-S1-Base: the card still names the old name, the Hub's tags name the model itself.
    Model renamed = model("lolxdasfwa/Quartz-S1-Base-33.89M");
    assertThat(renamed.rawJson()).contains("\"base_model\":\"lolxdasfwa/Quartz-S1-Base\"");
    assertThat(renamed.baseModels()).isEmpty();
    // A different repository of the same owner and a similar name is a real link.
    assertThat(model("meta-llama/Llama-3.1-8B-Instruct").baseModels())
        .containsExactly(BaseModel.of("meta-llama/Llama-3.1-8B", Relation.FINETUNE));
  }

  @Test
  void aRelationlessTagTakesTheRelationTheHubGaveTheModel() {
    Model m = model("liodon-ai/Qwen2.5-Math-1.5B-imatrix-GGUF");

    assertThat(m.tags()).contains("base_model:Qwen/Qwen2.5-1.5B")
        .doesNotContain("base_model:quantized:Qwen/Qwen2.5-1.5B");
    assertThat(m.baseModels()).containsExactly(
        BaseModel.of("Qwen/Qwen2.5-Math-1.5B", Relation.QUANTIZED),
        BaseModel.of("Qwen/Qwen2.5-1.5B", Relation.QUANTIZED));
    assertThat(m.parameters()).as("gguf.total").isEqualTo(1_543_714_304L);
    assertThat(m.libraryName()).isEqualTo("gguf");
  }

  @Test
  void theCardIsReadWhenTheTagsCarryNoLineage() {
    Model single = model("007Arijit/Boomba-AI");
    assertThat(single.tags()).noneMatch(t -> t.startsWith("base_model:"));
    assertThat(single.baseModels())
        .containsExactly(BaseModel.of("unsloth/qwen2.5-7b-instruct-unsloth-bnb-4bit", Relation.FINETUNE));

    Model merged = model("AMAImedia/NOESIS-Qwen3-0.6B-Darwin-Ekitil-Sozkz-KZ-BF16");
    assertThat(merged.baseModels()).containsExactly(
        BaseModel.of("ekitil/ekitil-core-qwen3-600m-kkru-base-v1", Relation.MERGE),
        BaseModel.of("ekitil/ekitil-qwen3-600m-kk", Relation.MERGE),
        BaseModel.of("ekitil/ekitil-qwen3-600m-kkru", Relation.MERGE));

    Model gguf = model("888rok/gemma-4-12b-it-Q4_K_M-wllama-split");
    assertThat(gguf.baseModels()).containsExactly(BaseModel.of("unsloth/gemma-4-12B-it-GGUF", Relation.QUANTIZED));

    assertThat(model("rabeeeehh/arabizi-kit-model").rawJson()).contains("\"base_model\":\"none\"");
    assertThat(model("rabeeeehh/arabizi-kit-model").baseModels()).as("a placeholder").isEmpty();
    assertThat(model("Kriss-W/lora").baseModels()).as("'undefined'").isEmpty();
  }

  @Test
  void theTagsWinOverACardThatNamesARenamedBase() {
    Model m = model("AAU-NLP/BERT-SL1000");

    assertThat(m.rawJson()).contains("\"base_model\":\"bert-base-uncased\"");
    assertThat(m.baseModels()).containsExactly(BaseModel.of("google-bert/bert-base-uncased", Relation.FINETUNE));
  }

  @Test
  void aMergeKeepsItsBasesInTheHubsOrder() {
    Model m = model("Ateron/Gemma-4-Dark-Thoughts-31B");

    assertThat(m.relation()).isEqualTo(Relation.MERGE);
    assertThat(m.baseModels()).extracting(BaseModel::id).containsExactly(
        "ReadyArt/Dark-Scarlett-v2.0-31B", "ReadyArt/gemma-4-31B-it-scotoma-2", "zerofata/G4-MeroMero-v2-31B");
  }

  @Test
  void anAdapterAndAQuantization() {
    assertThat(model("larryvrh/MiniMax-H3-Turbo-Lora").baseModels())
        .containsExactly(BaseModel.of("Comfy-Org/MiniMax-H3", Relation.ADAPTER));
    Model nvfp4 = model("nvidia/Gemma-4-31B-IT-NVFP4");
    assertThat(nvfp4.baseModels()).containsExactly(BaseModel.of("google/gemma-4-31B-it", Relation.QUANTIZED));
    // The card's licence comes first, even where the tag disagrees.
    assertThat(nvfp4.license()).isEqualTo("apache-license-2.0");
    assertThat(nvfp4.tags()).contains("license:other");
  }

  @Test
  void realLineagesWalkToTheirRoots() {
    assertThat(chain("RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8")).containsExactly(
        "meta-llama/Llama-3.1-8B-Instruct (quantized)", "meta-llama/Llama-3.1-8B (finetune)");
    assertThat(model("meta-llama/Llama-3.1-8B").relation()).isEqualTo(Relation.ORIGINAL);

    assertThat(chain("nvidia/Gemma-4-31B-IT-NVFP4")).containsExactly(
        "google/gemma-4-31B-it (quantized)", "google/gemma-4-31B (finetune)");
    assertThat(chain("LuffyTheFox/Qwen3.6-35B-A3B-Uncensored-Genesis-Hermes-V7-GGUF")).containsExactly(
        "HauhauCS/Qwen3.6-35B-A3B-Uncensored-HauhauCS-Aggressive (quantized)", "Qwen/Qwen3.6-35B-A3B (quantized)");
    String davidAu =
        "DavidAU/Qwen3.6-40B-Fable-Fusion-6-Core-Deckard-Eleanor-Heretic-Uncensored-NM-DAU-NEO-MAX-MTP-GGUF";
    assertThat(chain(davidAu))
        .startsWith(
            "DavidAU/Qwen3.6-40B-Fable-Fusion-6-Core-Deckard-Eleanor-Heretic-Uncensored (quantized)",
            "DavidAU/Qwen3.6-40B-Grand-Intelligence-Fable-Fusion-Uncensored-Heretic (finetune)")
        .hasSizeGreaterThanOrEqualTo(3);
  }

  /**
   * The inference rules (see {@link RelationInference}) checked against the Hub's own answer: for every model
   * whose tags carry an explicit relation, infer it from the tags, library and number of bases alone.
   */
  @Test
  void inferenceAgreesWithTheHubOnMostModels() {
    int total = 0;
    int agree = 0;
    for (Model m : models) {
      if (m.baseModels().isEmpty() || m.tags().stream().noneMatch(t -> isExplicit(t))) continue;
      Set<String> explicitIds = new HashSet<>();
      for (String t : m.tags()) {
        if (isExplicit(t)) explicitIds.add(t.substring(t.indexOf(':', "base_model:".length()) + 1));
      }
      Relation inferred = RelationInference.infer(explicitIds.size(), m.tags(), m.libraryName());
      total++;
      if (inferred == m.relation()) agree++;
    }
    // 7,885 models carry an explicit relation; 61 of them link only to themselves or to local paths.
    assertThat(total).isEqualTo(7_824);
    // 7,526 of 7,824 (96.2%) when written; most misses are quantizations in formats no tag names.
    assertThat((double) agree / total).isGreaterThan(0.95);
  }

  @Test
  void theIdCheckAgreesWithModelIds() {
    Set<String> ids = new HashSet<>();
    for (Model m : models) {
      ids.add(m.id());
      for (String t : m.tags()) {
        if (t.startsWith("base_model:")) ids.add(t.substring(t.lastIndexOf(':') + 1));
      }
    }
    ids.addAll(List.of("", "a", "/", "a/", "/b", "a/b/c", "-a/b", "a/b-", "a/b.", "a/b_", "a--b/c", "a/b..c",
        "./model", "https://huggingface.co/gpt2", "x".repeat(96), "x".repeat(97), "a b/c", "ä/b"));
    for (String id : ids) {
      assertThat(RepoIds.isValid(id)).as(id).isEqualTo(io.hubshare.hub.ModelIds.isValid(id));
    }
  }

  private static boolean isExplicit(String tag) {
    for (String r : RELATIONS) {
      if (tag.startsWith("base_model:" + r + ":")) return true;
    }
    return false;
  }

  private static Model model(String id) {
    Model m = byId.get(id.toLowerCase(Locale.ROOT));
    assertThat(m).as(id).isNotNull();
    return m;
  }

  /** The first-base path from {@code id} up, while the bases are in the sample: {@code relation:id} each. */
  private static List<String> chain(String id) {
    List<String> out = new ArrayList<>();
    Model m = model(id);
    while (!m.baseModels().isEmpty() && out.size() < 10) {
      BaseModel b = m.baseModels().get(0);
      out.add(b.toString());
      m = byId.get(b.id().toLowerCase(Locale.ROOT));
      if (m == null) break;
    }
    return out;
  }
}
