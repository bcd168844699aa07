package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import org.junit.jupiter.api.Test;

/**
 * Field rules the recordings do not exercise, on bodies written in the documented shape (docs: Hub API "Expand
 * names" and "Base models"): expand=baseModels, licence lists, gguf totals, wrong types, modelId fallback.
 */
class HfModelsFieldTest {

  @Test
  void expandedBaseModelsGiveTheRelationAndIds() {
    Model m = HfModels.parse("{\"_id\":\"x\",\"id\":\"bartowski/Qwen3-8B-GGUF\",\"baseModels\":"
        + "{\"relation\":\"quantized\",\"models\":[{\"_id\":\"y\",\"id\":\"Qwen/Qwen3-8B\"}]}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("Qwen/Qwen3-8B", Relation.QUANTIZED));
  }

  @Test
  void expandedBaseModelsMergeWithTheTagsWithoutDuplicates() {
    Model m = HfModels.parse("{\"id\":\"someone/merged\",\"tags\":[\"base_model:merge:a/one\",\"base_model:a/one\"],"
        + "\"baseModels\":{\"relation\":\"merge\",\"models\":[{\"id\":\"A/One\"},{\"id\":\"b/two\"}]}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("a/one", Relation.MERGE),
        BaseModel.of("b/two", Relation.MERGE));
  }

  @Test
  void anEmptyExpansionMeansTheHubKnowsNoBaseAndTheCardIsNotConsulted() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"baseModels\":{\"relation\":null,\"models\":[]},"
        + "\"cardData\":{\"base_model\":\"stale/name\"}}");

    assertThat(m.baseModels()).isEmpty();
  }

  @Test
  void theCardsRelationAppliesWhenNothingElseStatesOne() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"cardData\":{\"base_model\":[\"a/x\",\"b/y\"],"
        + "\"base_model_relation\":\"adapter\"}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("a/x", Relation.ADAPTER),
        BaseModel.of("b/y", Relation.ADAPTER));
  }

  @Test
  void theTagsRelationWinsOverTheCards() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"tags\":[\"base_model:a/x\",\"base_model:quantized:a/x\"],"
        + "\"cardData\":{\"base_model\":\"a/x\",\"base_model_relation\":\"finetune\"}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("a/x", Relation.QUANTIZED));
  }

  @Test
  void inferenceFollowsTheDocumentedRules() {
    assertThat(baseRelation("\"library_name\":\"peft\",\"tags\":[]", "\"a/x\"")).isEqualTo(Relation.ADAPTER);
    assertThat(baseRelation("\"tags\":[\"lora\"]", "[\"a/x\",\"b/y\"]")).isEqualTo(Relation.ADAPTER);
    assertThat(baseRelation("\"tags\":[\"gguf\"]", "[\"a/x\",\"b/y\"]")).isEqualTo(Relation.MERGE);
    assertThat(baseRelation("\"tags\":[\"gguf\"]", "\"a/x\"")).isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"library_name\":\"mlx\",\"tags\":[\"mlx\",\"4-bit\"]", "\"a/x\""))
        .isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"tags\":[\"gptq\"]", "\"a/x\"")).isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"tags\":[\"awq\"]", "\"a/x\"")).isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"tags\":[\"exl2\"]", "\"a/x\"")).isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"tags\":[\"8bit\"]", "\"a/x\"")).isEqualTo(Relation.QUANTIZED);
    assertThat(baseRelation("\"tags\":[\"16-bit\",\"bit\"]", "\"a/x\"")).isEqualTo(Relation.FINETUNE);
    assertThat(baseRelation("\"library_name\":\"transformers\",\"tags\":[\"transformers\"]", "\"a/x\""))
        .isEqualTo(Relation.FINETUNE);
  }

  @Test
  void basesThatAreNotRepositoryIdsAreIgnored() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"cardData\":{\"base_model\":[\"./model\",\"/cache/models/x\","
        + "\"https://huggingface.co/a/b\",\"C:\\\\models\\\\x\",\"\",\"None\",\"a/b/c\",\"O/M\",\"real/base\"]}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("real/base", Relation.FINETUNE));
  }

  @Test
  void aBareLegacyBaseIsKept() {
    Model m = HfModels.parse("{\"id\":\"o/gpt2-poems\",\"cardData\":{\"base_model\":\"gpt2\"}}");

    assertThat(m.baseModels()).containsExactly(BaseModel.of("gpt2", Relation.FINETUNE));
  }

  @Test
  void licenceComesFromTheCardStringOrListElseTheTag() {
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"cardData\":{\"license\":[\"mit\",\"apache-2.0\"]}}").license())
        .isEqualTo("mit");
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"cardData\":{\"license\":\" \"},\"tags\":[\"license:mit\"]}")
        .license()).isEqualTo("mit");
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"tags\":[\"license:\",\"license:gemma\"]}").license())
        .isEqualTo("gemma");
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"cardData\":{\"license\":42}}").license()).isNull();
  }

  @Test
  void parametersComeFromSafetensorsElseGguf() {
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"gguf\":{\"total\":1543714304,\"architecture\":\"qwen2\"}}")
        .parameters()).isEqualTo(1_543_714_304L);
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"gguf\":{\"total\":2},\"safetensors\":{\"parameters\":"
        + "{\"BF16\":1},\"total\":1}}").parameters()).isEqualTo(1L);
    assertThat(HfModels.parse("{\"id\":\"o/m\",\"safetensors\":{\"parameters\":{\"BF16\":1}}}").parameters())
        .isNull();
  }

  @Test
  void gatedReadsFalseAutoManualAndTrue() {
    assertThat(gating("false")).isEqualTo(Gating.OPEN);
    assertThat(gating("\"auto\"")).isEqualTo(Gating.AUTO);
    assertThat(gating("\"manual\"")).isEqualTo(Gating.MANUAL);
    assertThat(gating("true")).isEqualTo(Gating.MANUAL);
    assertThat(gating("\"sometimes\"")).isNull();
    assertThat(gating("{}")).isNull();
  }

  @Test
  void valuesOfTheWrongTypeAreAbsentNotZero() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"downloads\":\"many\",\"likes\":[1],\"trendingScore\":{\"a\":1},"
        + "\"downloadsAllTime\":12.5,\"private\":\"no\",\"disabled\":0,\"createdAt\":\"yesterday\","
        + "\"lastModified\":1700000000,\"tags\":\"gguf\",\"pipeline_tag\":7,\"author\":false,"
        + "\"cardData\":\"license: mit\",\"safetensors\":[1],\"baseModels\":\"Qwen/Qwen3-8B\"}");

    assertThat(m.downloads().last30Days()).isNull();
    assertThat(m.downloads().likes()).isNull();
    assertThat(m.downloads().trendingScore()).isNull();
    assertThat(m.downloads().allTime()).isNull();
    assertThat(m.isPrivate()).isNull();
    assertThat(m.disabled()).isNull();
    assertThat(m.createdAt()).isNull();
    assertThat(m.lastModified()).isNull();
    assertThat(m.tags()).containsExactly("gguf");
    assertThat(m.pipelineTag()).isNull();
    assertThat(m.author()).isEqualTo("o");
    assertThat(m.license()).isNull();
    assertThat(m.parameters()).isNull();
    assertThat(m.baseModels()).isEmpty();
  }

  @Test
  void wholeFloatsCountAndOddTagsAreSkipped() {
    Model m = HfModels.parse("{\"id\":\"o/m\",\"downloads\":1200.0,\"trendingScore\":3,\"tags\":[\"a\",1,null,"
        + "{\"b\":2},\"c\"],\"unknown\":{\"deep\":[[{}]]}}");

    assertThat(m.downloads().last30Days()).isEqualTo(1_200L);
    assertThat(m.downloads().trendingScore()).isEqualTo(3.0);
    assertThat(m.tags()).containsExactly("a", "c");
  }

  @Test
  void modelIdStandsInForAMissingId() {
    Model m = HfModels.parse("{\"modelId\":\"o/m\",\"id\":null}");

    assertThat(m.id()).isEqualTo("o/m");
    assertThat(m.author()).isEqualTo("o");
  }

  @Test
  void theRawJsonIsTheTextGiven() {
    String body = "  {\"id\":\"o/m\" , \"x\" : 1}\n";

    assertThat(HfModels.parse(body).rawJson()).isSameAs(body);
  }

  private static Relation baseRelation(String fields, String baseModel) {
    Model m = HfModels.parse("{\"id\":\"o/m\"," + fields + ",\"cardData\":{\"base_model\":" + baseModel + "}}");
    assertThat(m.baseModels()).isNotEmpty();
    return m.relation();
  }

  private static Gating gating(String wire) {
    return HfModels.parse("{\"id\":\"o/m\",\"gated\":" + wire + "}").gating();
  }
}
