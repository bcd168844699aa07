package io.hubshare.origin;

import io.hubshare.domain.Hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OriginRegistryLookupTest {

  private final OriginRegistry registry = OriginRegistry.bundled();

  private static Model model(String id, @Nullable String author) {
    return Model.builder(Hub.HUGGING_FACE, id).author(author).pipelineTag("text-generation")
        .libraryName("transformers").tags(List.of("region:us")).isPrivate(false).disabled(false).license("apache-2.0")
        .build();
  }

  @Test
  void bundledRegistryIsLoadedOnce() {
    assertThat(OriginRegistry.bundled()).isSameAs(OriginRegistry.bundled());
  }

  @Test
  void knownAccountHasItsDeveloperCountryRegionKindAndSource() {
    Origin qwen = registry.of("Qwen");
    assertThat(qwen.account()).isEqualTo("Qwen");
    assertThat(qwen.organization()).isEqualTo("Alibaba");
    assertThat(qwen.country()).isEqualTo("CN");
    assertThat(qwen.region()).isEqualTo("China");
    assertThat(qwen.kind()).isEqualTo(DeveloperKind.INDUSTRY);
    assertThat(qwen.source()).startsWith("https://");
    assertThat(qwen.isKnown()).isTrue();
  }

  @Test
  void lookupIgnoresCase() {
    assertThat(registry.of("qwen")).isEqualTo(registry.of("Qwen"));
    assertThat(registry.find("META-LLAMA")).isEqualTo(registry.find("meta-llama"));
    assertThat(registry.of("DeepSeek-AI").country()).isEqualTo("CN");
  }

  @Test
  void severalAccountsShareAnOrganization() {
    assertThat(registry.of("meta-llama").organization()).isEqualTo("Meta");
    assertThat(registry.of("facebook").organization()).isEqualTo("Meta");
    assertThat(registry.of("google-bert").organization()).isEqualTo("Google");
    assertThat(registry.of("openai-community").organization()).isEqualTo("OpenAI");
    assertThat(registry.of("Alibaba-NLP").organization()).isEqualTo("Alibaba");
  }

  @Test
  void unknownAccountIsExplicitlyUnknownNeverGuessed() {
    Origin unknown = registry.of("someone-nobody-knows");
    assertThat(unknown).isEqualTo(Origin.unknown("someone-nobody-knows"));
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.region()).isEqualTo(Origin.UNKNOWN_REGION);
    assertThat(registry.find("someone-nobody-knows")).isNull();
  }

  @Test
  void reviewedUnknownAccountsCarryTheirReason() {
    assertThat(registry.find("bartowski")).isNull();
    assertThat(registry.unattributedReason("Bartowski")).contains("quantizer");
    assertThat(registry.unattributedReason("someone-nobody-knows")).isNull();
    assertThat(registry.unattributedReason("Qwen")).isNull();
  }

  @Test
  void internationalCollectivesUseXx() {
    Origin bigscience = registry.of("bigscience");
    assertThat(bigscience.country()).isEqualTo("XX");
    assertThat(bigscience.region()).isEqualTo("International");
  }

  @Test
  void modelIsAttributedByItsAuthor() {
    assertThat(registry.of(model("Qwen/Qwen3-8B", "Qwen")).organization()).isEqualTo("Alibaba");
  }

  @Test
  void modelWithoutAuthorIsAttributedByTheOwnerOfItsId() {
    assertThat(registry.of(model("deepseek-ai/DeepSeek-R1", null)).organization()).isEqualTo("DeepSeek");
  }

  @Test
  void modelWhoseAuthorIsUnknownFallsBackToTheOwner() {
    assertThat(registry.of(model("mistralai/Mistral-7B-v0.3", "not-a-known-author")).organization())
        .isEqualTo("Mistral AI");
  }

  @Test
  void modelOfAnUnknownDeveloperIsUnknownUnderItsAuthor() {
    assertThat(registry.of(model("bartowski/Qwen3-8B-GGUF", "bartowski"))).isEqualTo(Origin.unknown("bartowski"));
    assertThat(registry.of(model("gpt2", null))).isEqualTo(Origin.unknown("gpt2"));
  }

  @Test
  void storageRegionTagNeverDecidesTheCountry() {
    // Every test model carries the Hub's region:us tag; a Chinese developer stays Chinese.
    assertThat(registry.of(model("Qwen/Qwen3-8B", "Qwen")).country()).isEqualTo("CN");
  }

  @Test
  void regionOfMapsCountriesAndFallsBackToUnknown() {
    assertThat(registry.regionOf("CN")).isEqualTo("China");
    assertThat(registry.regionOf("us")).isEqualTo("United States");
    assertThat(registry.regionOf("FR")).isEqualTo("Europe");
    assertThat(registry.regionOf("GB")).isEqualTo("Europe");
    assertThat(registry.regionOf("AE")).isEqualTo("Middle East");
    assertThat(registry.regionOf("KR")).isEqualTo("Korea");
    assertThat(registry.regionOf("XX")).isEqualTo("International");
    assertThat(registry.regionOf(null)).isEqualTo(Origin.UNKNOWN_REGION);
    assertThat(registry.regionOf("ZZ")).isEqualTo(Origin.UNKNOWN_REGION);
  }

  @Test
  void entriesAreSortedByAccountIgnoringCase() {
    List<String> accounts = registry.entries().stream().map(Origin::account).toList();
    assertThat(accounts).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).contains("Qwen", "openai");
    assertThat(accounts).doesNotHaveDuplicates();
  }

  @Test
  void emptyRegistryKnowsNoAccountButKeepsTheRegions() {
    OriginRegistry empty = OriginRegistry.empty();
    assertThat(empty.entries()).isEmpty();
    assertThat(empty.of("Qwen")).isEqualTo(Origin.unknown("Qwen"));
    assertThat(empty.regionOf("JP")).isEqualTo("Japan");
  }

  @Test
  void toStringSummarisesTheCounts() {
    assertThat(registry.toString())
        .matches("OriginRegistry\\[\\d+ accounts on \\d+ hubs, \\d+ organizations, \\d+ countries]");
  }

  @Test
  void accountsAreKeyedByHubSoOneSpellingIsNotAssumedToBeTheSameDeveloperEverywhere() {
    OriginRegistry bundled = OriginRegistry.bundled();
    assertThat(bundled.of(Hub.MODELSCOPE, "qwen").country()).isEqualTo("CN");
    assertThat(bundled.find(Hub.MODELSCOPE, "QWEN")).as("case-insensitive within a hub").isNotNull();
    // meta-llama is Meta on Hugging Face; on ModelScope nobody has documented who holds that name.
    assertThat(bundled.of("meta-llama").country()).isEqualTo("US");
    assertThat(bundled.find(Hub.MODELSCOPE, "meta-llama")).isNull();
    assertThat(bundled.hubs()).containsExactly(Hub.HUGGING_FACE, Hub.MODELSCOPE);
    assertThat(bundled.entries(Hub.MODELSCOPE)).extracting(Origin::account).contains("qwen", "deepseek-ai");
    assertThat(bundled.entries()).extracting(Origin::account).doesNotContain("ZhipuAI");
  }

  @Test
  void mirrorAccountsAreReviewedAndLeftUnknownWithTheirReason() {
    OriginRegistry bundled = OriginRegistry.bundled();
    assertThat(bundled.of(Hub.MODELSCOPE, "LLM-Research").isKnown()).isFalse();
    assertThat(bundled.unattributedReason(Hub.MODELSCOPE, "llm-research")).startsWith("mirror:");
    assertThat(bundled.unattributedReason("LLM-Research")).isNull();
  }

  @Test
  void aModelIsLookedUpOnItsOwnHub() {
    Model onModelScope = Model.builder(Hub.MODELSCOPE, "meta-llama/Llama-3.1-8B").build();
    assertThat(OriginRegistry.bundled().of(onModelScope).isKnown()).isFalse();
    OriginRegistry mine = OriginRegistry.bundled().with(Hub.MODELSCOPE,
        OriginRegistry.bundled().origin("meta-llama", "Meta", "us", DeveloperKind.INDUSTRY, "my review"));
    assertThat(mine.of(onModelScope).country()).isEqualTo("US");
    assertThat(mine.find("meta-llama").source()).as("Hugging Face's entry untouched").isNotEqualTo("my review");
  }
}
