package io.hubshare.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Hub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ModelScope's accounts in the bundled registry: every account its own SDK team's model registry names is decided,
 * each row sourced, mirrors never credited, and a developer that spells its account differently on each hub is the
 * same organisation in the same country on both.
 */
class ModelScopeOriginsTest {
  private final OriginRegistry bundled = OriginRegistry.bundled();

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = ModelScopeOriginsTest.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
  }

  private static Set<String> accounts(String file) throws IOException {
    return BundledOriginsIntegrityTest.rows(file).stream().map(r -> r.fields().get(0).toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  @Test
  void everyRowHasItsFiveFieldsAndAModelScopeSource() throws IOException {
    List<CsvReader.Row> rows = BundledOriginsIntegrityTest.rows("modelscope/origins.csv");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
    for (CsvReader.Row row : rows) {
      assertThat(row.fields()).as("line %d", row.line()).hasSize(5).allSatisfy(f -> assertThat(f).isNotBlank());
      assertThat(row.fields().get(4)).as("line %d", row.line()).startsWith("https://");
    }
  }

  @Test
  void everyAccountTheSdkRegistryNamesTwiceIsDecidedAndNoneTwice() throws IOException {
    Set<String> known = accounts("modelscope/origins.csv");
    Set<String> reviewed = accounts("modelscope/unattributed.csv");
    List<String> top = lines("/origin/modelscope-top-accounts.txt");
    assertThat(top).hasSize(55).doesNotHaveDuplicates().startsWith("Qwen", "OpenGVLab", "AI-ModelScope", "deepseek-ai");
    for (String account : top) {
      String key = account.toLowerCase(Locale.ROOT);
      assertThat(known.contains(key) || reviewed.contains(key))
          .as("%s is in neither modelscope/origins.csv nor modelscope/unattributed.csv", account).isTrue();
    }
    Set<String> both = accounts("modelscope/origins.csv");
    both.retainAll(reviewed);
    assertThat(both).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"LLM-Research", "AI-ModelScope", "modelscope", "openai-mirror", "swift", "Xorbits"})
  void mirrorAccountsAreNeverCreditedWithWhatTheyReHost(String mirror) {
    assertThat(bundled.of(Hub.MODELSCOPE, mirror).isKnown()).isFalse();
    assertThat(bundled.unattributedReason(Hub.MODELSCOPE, mirror)).startsWith("mirror:");
  }

  @Test
  void aDeveloperSpelledDifferentlyOnEachHubIsOneOrganisationInOneCountry() throws IOException {
    int compared = 0;
    for (String line : lines("/origin/modelscope-hf-pairs.txt")) {
      String[] f = line.split(" ");
      Origin ms = bundled.find(Hub.MODELSCOPE, f[0]);
      Origin hf = bundled.find(Hub.HUGGING_FACE, f[1]);
      if (ms == null || hf == null) continue;
      assertThat(ms.organization()).as("%s on ModelScope, %s on Hugging Face", f[0], f[1])
          .isEqualTo(hf.organization());
      assertThat(ms.country()).as("%s / %s", f[0], f[1]).isEqualTo(hf.country());
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(35);
    assertThat(bundled.of(Hub.MODELSCOPE, "ZhipuAI").organization()).isEqualTo("Zhipu AI");
    assertThat(bundled.of(Hub.MODELSCOPE, "Shanghai_AI_Laboratory").organization())
        .isEqualTo(bundled.of(Hub.HUGGING_FACE, "internlm").organization());
    assertThat(bundled.of(Hub.MODELSCOPE, "01ai").country()).isEqualTo("CN");
  }

  @Test
  void anAccountNobodyDocumentedOnModelScopeStaysUnknownWhateverItHoldsOnHuggingFace() {
    assertThat(bundled.of(Hub.HUGGING_FACE, "google").isKnown()).isTrue();
    assertThat(bundled.of(Hub.MODELSCOPE, "google").isKnown()).isFalse();
    assertThat(bundled.unattributedReason(Hub.MODELSCOPE, "google")).contains("not documented");
  }
}
