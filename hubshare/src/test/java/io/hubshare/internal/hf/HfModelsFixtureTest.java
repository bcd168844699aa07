package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The recorded info-call bodies (src/test/resources/fixtures/hf/model-info, Apache-2.0, see NOTICE there). */
class HfModelsFixtureTest {

  static List<Path> recordedBodies() {
    return HfFixtures.modelInfoFiles();
  }

  @Test
  void everyRecordedBodyIsCopied() {
    assertThat(recordedBodies()).hasSize(72);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedBodies")
  void everyRecordedBodyParsesWithTheIdItWasRecordedFor(Path file) {
    String body = HfFixtures.read(file);

    Model m = HfModels.parse(body);

    assertThat(m.id()).isEqualTo(idFromFileName(file.getFileName().toString()));
    assertThat(m.rawJson()).isSameAs(body);
    // Bodies without the field (expand=inferenceProviderMapping returns only _id, id and the mapping) say nothing.
    if (!body.contains("\"downloads\"")) assertThat(m.downloads().last30Days()).isNull();
    if (!body.contains("\"tags\"")) assertThat(m.tags()).isEmpty();
    if (!body.contains("\"gated\"")) assertThat(m.gating()).isNull();
    if (body.contains("\"gated\":false")) assertThat(m.gating()).isEqualTo(Gating.OPEN);
    // None of the recordings asked for downloadsAllTime: absent is null, never 0.
    assertThat(m.downloads().allTime()).isNull();
    for (BaseModel b : m.baseModels()) {
      assertThat(b.id()).contains("/").isNotEqualToIgnoringCase(m.id());
    }
  }

  @Test
  void llama31InstructIsAGatedFinetuneOfLlama31() {
    Model m = HfModels.parse(HfFixtures.modelInfo("meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json"));

    assertThat(m.id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(m.author()).isEqualTo("meta-llama");
    assertThat(m.sha()).isEqualTo("0e9e39f249a16976918f6564b8830bc894c89659");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2024-07-18T08:56:00Z"));
    assertThat(m.lastModified()).isEqualTo(Instant.parse("2024-09-25T17:00:57Z"));
    assertThat(m.gating()).isEqualTo(Gating.MANUAL);
    assertThat(m.isPrivate()).isFalse();
    assertThat(m.disabled()).isFalse();
    assertThat(m.license()).isEqualTo("llama3.1");
    assertThat(m.pipelineTag()).isEqualTo("text-generation");
    assertThat(m.libraryName()).isEqualTo("transformers");
    assertThat(m.parameters()).isEqualTo(8_030_261_248L);
    assertThat(m.downloads()).isEqualTo(DownloadMetrics.builder().last30Days(5_795_728L).likes(3_763L).build());
    assertThat(m.tags()).hasSize(25).startsWith("transformers", "safetensors", "llama").endsWith("region:us");
    // The card still names the pre-rename repository (meta-llama/Meta-Llama-3.1-8B); the Hub's tags resolved it,
    // and they win: one base, not two.
    assertThat(m.rawJson()).contains("\"base_model\":\"meta-llama/Meta-Llama-3.1-8B\"");
    assertThat(m.baseModels()).containsExactly(BaseModel.of("meta-llama/Llama-3.1-8B", Relation.FINETUNE));
    assertThat(m.relation()).isEqualTo(Relation.FINETUNE);
  }

  @Test
  void aRelationlessBaseTagFrom2024IsInferredAsAFinetune() {
    // March 2024: the Hub emitted only base_model:<id>; by 2025 it added base_model:finetune:<id>.
    Model before = HfModels.parse(HfFixtures.modelInfo("HuggingFaceH4__zephyr-7b-beta__20240314T102603Z.json"));
    Model after = HfModels.parse(HfFixtures.modelInfo("HuggingFaceH4__zephyr-7b-beta__20250321T132256Z.json"));

    assertThat(before.tags()).contains("base_model:mistralai/Mistral-7B-v0.1")
        .doesNotContain("base_model:finetune:mistralai/Mistral-7B-v0.1");
    assertThat(before.baseModels()).containsExactly(BaseModel.of("mistralai/Mistral-7B-v0.1", Relation.FINETUNE));
    assertThat(after.baseModels()).isEqualTo(before.baseModels());
    assertThat(before.downloads().last30Days()).isEqualTo(721_583L);
    assertThat(after.downloads().last30Days()).isEqualTo(684_157L);
    assertThat(before.license()).isEqualTo("mit");
  }

  @Test
  void aCardBaseGivenAsAListAgreesWithTheTags() {
    Model m = HfModels.parse(HfFixtures.modelInfo("deepset__roberta-base-squad2__20250122T182432Z.json"));

    assertThat(m.rawJson()).contains("\"base_model\":[\"FacebookAI/roberta-base\"]");
    assertThat(m.baseModels()).containsExactly(BaseModel.of("FacebookAI/roberta-base", Relation.FINETUNE));
    assertThat(m.license()).isEqualTo("cc-by-4.0");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2022-03-02T23:29:05Z"));
  }

  @Test
  void bertBaseUncasedIsAnOriginalModel() {
    Model m = HfModels.parse(HfFixtures.modelInfo("google-bert__bert-base-uncased__20250122T182445Z.json"));

    assertThat(m.baseModels()).isEmpty();
    assertThat(m.relation()).isEqualTo(Relation.ORIGINAL);
    assertThat(m.isDerivative()).isFalse();
    assertThat(m.pipelineTag()).isEqualTo("fill-mask");
    assertThat(m.downloads().last30Days()).isEqualTo(72_376_843L);
    // Repositories older than the Hub's createdAt field share this floor.
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2022-03-02T23:29:04Z"));
  }

  @Test
  void aBareLegacyIdKeepsTheAuthorTheHubSends() {
    Model m = HfModels.parse(HfFixtures.modelInfo("gpt2__20250321T134713Z.json"));

    assertThat(m.id()).isEqualTo("gpt2");
    assertThat(m.owner()).isNull();
    assertThat(m.author()).isEqualTo("openai-community");
    assertThat(m.parameters()).isEqualTo(137_022_720L);
  }

  @Test
  void aModelWithoutLicenceAnywhereHasNone() {
    Model m = HfModels.parse(
        HfFixtures.modelInfo("dbmdz__bert-large-cased-finetuned-conll03-english__20250321T112001Z.json"));

    assertThat(m.license()).isNull();
    assertThat(m.tags()).noneMatch(t -> t.startsWith("license:"));
  }

  @Test
  void anExpandOnlyBodyCarriesTheIdAndNothingElse() {
    Model m = HfModels.parse(
        HfFixtures.modelInfo("black-forest-labs__FLUX.1-dev__expand-inferenceProviderMapping__20250211T101618Z.json"));

    assertThat(m.id()).isEqualTo("black-forest-labs/FLUX.1-dev");
    assertThat(m.author()).isEqualTo("black-forest-labs");
    assertThat(m.downloads()).isEqualTo(DownloadMetrics.NONE);
    assertThat(m.tags()).isEmpty();
    assertThat(m.baseModels()).isEmpty();
    assertThat(m.gating()).isNull();
    assertThat(m.isPrivate()).isNull();
    assertThat(m.createdAt()).isNull();
    assertThat(m.parameters()).isNull();
    assertThat(m.rawJson()).contains("inferenceProviderMapping");
  }

  /** {@code owner__name[__expand-x]__20250321T111930Z[__hash].json} → {@code owner/name}; {@code gpt2__…} → gpt2 */
  static String idFromFileName(String fileName) {
    String[] parts = fileName.substring(0, fileName.length() - ".json".length()).split("__");
    List<String> idParts = new ArrayList<>();
    for (String p : parts) {
      if (p.matches("\\d{8}T\\d{6}Z")) break;
      if (!p.startsWith("expand-")) idParts.add(p);
    }
    return String.join("/", idParts);
  }
}
