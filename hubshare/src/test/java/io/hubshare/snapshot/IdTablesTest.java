package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTablesTest {
  @Test
  void theSetKeepsEveryIdOnceThroughManyGrowths() {
    IdHashSet set = new IdHashSet(true);
    for (int i = 0; i < 200_000; i++) assertThat(set.add("owner" + (i % 977) + "/model-" + i)).isTrue();
    for (int i = 0; i < 200_000; i += 7) assertThat(set.add("owner" + (i % 977) + "/model-" + i)).isFalse();
    assertThat(set.add("OWNER0/MODEL-0")).isFalse();
    assertThat(set.size()).isEqualTo(200_000);
    IdHashSet exact = new IdHashSet(false);
    assertThat(exact.add("Gautam6/GautamAI")).isTrue();
    assertThat(exact.add("Gautam6/GAUTAMAI")).isTrue();
    assertThat(exact.add("Gautam6/GautamAI")).isFalse();
  }

  @Test
  void theIndexFindsEveryIdWithItsNumbersAndNothingElse() {
    IdIndex index = new IdIndex();
    for (int i = 0; i < 100_000; i++) {
      index.put("org/m" + i, i % 3 == 0 ? IdIndex.NONE : 10L * i, 1_700_000_000L + i);
    }
    index.put("org/m5", 1, 1); // a repeated id keeps its first record
    assertThat(index.size()).isEqualTo(100_000);
    for (int i = 0; i < 100_000; i++) {
      int slot = index.find("org/m" + i);
      assertThat(slot).isNotNegative();
      assertThat(index.allTime(slot)).isEqualTo(i % 3 == 0 ? IdIndex.NONE : 10L * i);
      assertThat(index.created(slot)).isEqualTo(1_700_000_000L + i);
    }
    assertThat(index.find("org/m100000")).isEqualTo(-1);
    assertThat(index.find("ORG/M1")).isEqualTo(index.find("org/m1")); // the Hub resolves ids ignoring case
  }
}
