package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTotalsTest {

  @Test
  void keysWithTheSameHashCodeStayApart() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    GroupTotals t = new GroupTotals();
    t.add("Aa", 1L);
    t.add("BB", 10L);
    t.add("Aa", null);

    Map<String, long[]> m = t.toMap();
    assertThat(m).containsOnlyKeys("Aa", "BB");
    assertThat(m.get("Aa")).containsExactly(1, 2, 1);
    assertThat(m.get("BB")).containsExactly(10, 1, 0);
  }

  @Test
  void keysMatchIgnoringCaseAndTakeTheCanonicalSpellingWhenItComes() {
    GroupTotals t = new GroupTotals();
    t.add("google/gemma-4-e4b-it", 5L);            // a card's spelling, met first
    t.add("GOOGLE/GEMMA-4-E4B-IT", 1L);
    assertThat(t.toMap()).containsOnlyKeys("google/gemma-4-e4b-it");
    t.add("google/gemma-4-E4B-it", 10L, true);     // the model's own id
    t.add("google/GEMMA-4-e4b-it", 100L);          // a later variant does not displace it
    assertThat(t.toMap()).containsOnlyKeys("google/gemma-4-E4B-it");
    assertThat(t.toMap().get("google/gemma-4-E4B-it")).containsExactly(116, 4, 0);
    // Only ASCII letters fold; other characters must match exactly.
    t.add("模型/Ä", 1L);
    t.add("模型/ä", 1L);
    assertThat(t.size()).isEqualTo(3);
  }

  @Test
  void matchesAHashMapOverManyKeysAndNonAsciiIds() {
    GroupTotals t = new GroupTotals();
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String key = (i % 3 == 0 ? "模型-" : "org/model-") + (i * 7919 % 20_011);
      t.add(key, (long) i);
      expected.merge(key, (long) i, Long::sum);
    }
    assertThat(t.size()).isEqualTo(expected.size());
    Map<String, Long> actual = new HashMap<>();
    t.forEach((k, v, models, missing) -> actual.put(k, v));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void overflowFailsRatherThanWrapping() {
    GroupTotals t = new GroupTotals();
    t.add("a", Long.MAX_VALUE);
    assertThatThrownBy(() -> t.add("a", 1L)).isInstanceOf(ArithmeticException.class);
  }
}
