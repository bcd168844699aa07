package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List pages: {@code GET /api/models} bodies, built here from real sample lines. */
class HfModelsListTest {

  @Test
  void eachItemKeepsTheExactTextTheHubSentForIt() {
    List<String> lines = HfFixtures.sampleLines().subList(1_000, 1_100);
    String page = "[" + String.join(",", lines) + "]";

    List<Model> models = HfModels.parseList(page);

    assertThat(models).hasSize(100);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(models.get(i).rawJson()).isEqualTo(lines.get(i));
      assertThat(models.get(i)).isEqualTo(HfModels.parse(lines.get(i)));
    }
  }

  @Test
  void slicesAreExactWithWhitespaceAndNonAsciiText() {
    // Recorded info bodies with non-ASCII text (widget examples in French, Hindi…) and whitespace between items:
    // neither may shift the slices.
    List<String> bodies = List.of(
        HfFixtures.modelInfo("meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json"),
        HfFixtures.modelInfo("facebook__bart-large-mnli__20250321T112003Z.json"),
        HfFixtures.modelInfo("gpt2__20250321T134713Z.json"),
        HfFixtures.modelInfo("deepset__roberta-base-squad2__20250122T182432Z.json"));
    assertThat(bodies.get(0).chars().filter(c -> c > 0x7f).count()).isGreaterThan(0);
    String page = "[\n  " + String.join(" ,\r\n\t", bodies) + "\n]\n";

    List<Model> models = HfModels.parseList(page);

    assertThat(models).extracting(Model::rawJson).containsExactlyElementsOf(bodies);
    assertThat(models).extracting(Model::id).containsExactly("meta-llama/Llama-3.1-8B-Instruct",
        "facebook/bart-large-mnli", "gpt2", "deepset/roberta-base-squad2");
  }

  @Test
  void aLargePageBeyondTheParsersBufferSlicesExactly() {
    List<String> lines = HfFixtures.sampleLines().subList(0, 1_000);
    String page = "[" + String.join(",", lines) + "]";
    assertThat(page.length()).isGreaterThan(500_000);

    List<Model> models = HfModels.parseList(page);

    assertThat(models).extracting(Model::rawJson).containsExactlyElementsOf(lines);
  }

  @Test
  void anEmptyPageHasNoModels() {
    assertThat(HfModels.parseList("[]")).isEmpty();
    assertThat(HfModels.parseList(" [ ] \n")).isEmpty();
  }

  @Test
  void anExpandedListItemCarriesOnlyWhatWasAsked() {
    // expand=downloadsAllTime&expand=gated: only _id, id and the named fields come back (documented shape).
    String page = "[{\"_id\":\"6698d8a0653e4babe21e1e7d\",\"id\":\"meta-llama/Llama-3.1-8B-Instruct\","
        + "\"downloadsAllTime\":91234567,\"gated\":\"manual\"}]";

    Model m = HfModels.parseList(page).get(0);

    assertThat(m.downloads().allTime()).isEqualTo(91_234_567L);
    assertThat(m.downloads().last30Days()).isNull();
    assertThat(m.downloads().likes()).isNull();
    assertThat(m.isPrivate()).isNull();
    assertThat(m.tags()).isEmpty();
  }
}
