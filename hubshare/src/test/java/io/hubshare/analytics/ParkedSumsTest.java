package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.lineage.PrimaryParent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The parked sums must hand on exactly what a {@link GroupTotals} keyed by parent id handed on before them. */
class ParkedSumsTest {
  private final LineageIndex.Builder builder = LineageIndex.builder();
  private final ParkedSums parked = new ParkedSums();
  private final GroupTotals byId = new GroupTotals();

  @Test
  void spellingsOfOneParentAreOneGroupSpelledAsTheFirstParked() {
    // google/GEMMA is numbered first (a second base of u/0) but parked after google/gemma.
    add("u/0", 1L, merge("a/A"), merge("google/GEMMA"));
    add("u/1", 10L, finetune("google/gemma"));
    add("u/2", null, finetune("google/GEMMA"));
    add("u/3", 100L, finetune("a/a"));
    add("google/Gemma", 1000L, finetune("root/R"));
    add("u/4", 5L, finetune("模型/Ä"));        // only ASCII letters fold: two groups
    add("u/5", 6L, finetune("模型/ä"));
    LineageIndex index = builder.build();

    List<String> sums = sums(index);
    assertThat(sums).containsExactly("a/A 101 2 0", "root/R 10 2 1", "root/R 1000 1 0", "模型/Ä 5 1 0",
        "模型/ä 6 1 0");
    assertThat(sums).isEqualTo(sumsById(index));
  }

  @Test
  void overTheRealSampleTheSumsAreThoseOfAMapKeyedByParentId() {
    for (Model m : new ScaledSample(1)) {
      int ref = builder.addAndGetPrimaryRef(m);
      if (ref < 0) continue;
      parked.add(ref, m.downloads().last30Days());
      byId.add(PrimaryParent.of(m.baseModels()).id(), m.downloads().last30Days());
    }
    assertThat(parked.size()).as("parents spelled in two ways").isGreaterThan(byId.size());
    LineageIndex index = builder.build();

    List<String> sums = sums(index);
    assertThat(sums).hasSize(byId.size()).isEqualTo(sumsById(index));
  }

  private void add(String id, @Nullable Long value, BaseModel... bases) {
    int ref = builder.addAndGetPrimaryRef(id, List.of(bases));
    parked.add(ref, value);
    byId.add(PrimaryParent.of(List.of(bases)).id(), value);
  }

  private List<String> sums(LineageIndex index) {
    List<String> out = new ArrayList<>();
    parked.forEachRoot(index, (root, value, models, missing) -> out.add(root + " " + value + " " + models + " "
        + missing));
    return out;
  }

  private List<String> sumsById(LineageIndex index) {
    List<String> out = new ArrayList<>();
    byId.forEach((parent, value, models, missing) -> out.add(index.rootOf(parent) + " " + value + " " + models
        + " " + missing));
    return out;
  }

  private static BaseModel finetune(String id) {
    return BaseModel.of(id, Relation.FINETUNE);
  }

  private static BaseModel merge(String id) {
    return BaseModel.of(id, Relation.MERGE);
  }
}
