package io.hubshare.lineage;

import static io.hubshare.lineage.Crafted.merge;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryParentTest {

  @Test
  void aSingleBaseIsFollowed() {
    Model gguf = HubSample.get("Abiray/10Eros-Max-GGUF");
    assertThat(PrimaryParent.of(gguf.baseModels())).hasToString("TenStrip/10Eros-Max (quantized)");
  }

  @Test
  void anOriginalHasNone() {
    assertThat(PrimaryParent.of(HubSample.get("MiniMaxAI/MiniMax-H3").baseModels())).isNull();
    assertThat(PrimaryParent.indexOf(List.of())).isEqualTo(-1);
  }

  @Test
  void aMergeFollowsTheSmallestIdWhicheverOrderTheLinksCameIn() {
    // The card lists adrianmurray's model first; the Hub's tags list Qwen's first (sorted by id).
    List<BaseModel> cardOrder = List.of(merge("adrianmurray/Qwen3.8-27B-Hybrid-Q8Q4"), merge("Qwen/Qwen3.8-27B"));
    List<BaseModel> tagOrder = HubSample.get("ahpramesi/Qwen3.8-27B-Hybrid-Q8Q4-Vision").baseModels();
    assertThat(tagOrder).containsExactlyInAnyOrderElementsOf(cardOrder);

    assertThat(PrimaryParent.of(cardOrder)).isEqualTo(merge("Qwen/Qwen3.8-27B"));
    assertThat(PrimaryParent.of(tagOrder)).isEqualTo(merge("Qwen/Qwen3.8-27B"));
    assertThat(PrimaryParent.indexOf(cardOrder)).isEqualTo(1);
  }

  @Test
  void everyShuffleOfAnEighteenModelMergeGivesTheSameParent() {
    List<BaseModel> bases = new ArrayList<>(HubSample.get("dr-housemd/Gemma-4-Gembrain-X-Core-31B-exl3-4bpw")
        .baseModels());
    assertThat(bases).hasSize(18);
    for (int seed = 0; seed < 20; seed++) {
      Collections.shuffle(bases, new java.util.Random(seed));
      assertThat(PrimaryParent.of(bases)).isEqualTo(merge("AuriAetherwiing/G4-31B-Musica-v1"));
    }
  }
}
