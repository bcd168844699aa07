package io.hubshare.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairSortTest {

  @Test
  void sortsKeysLikeArraysSortAndCarriesEachPayloadWithItsKey() {
    Random random = new Random(42);
    for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
      long[] keys = new long[n + 5];
      int[] values = new int[n + 5];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = i % 7 == 0 ? 5 : random.nextLong();   // some equal keys, some negative
        values[i] = i;
      }
      long[] original = keys.clone();
      PairSort.sort(keys, values, n);

      long[] expected = Arrays.copyOf(original, n);
      Arrays.sort(expected);
      assertThat(Arrays.copyOf(keys, n)).as("n=%d", n).containsExactly(expected);
      for (int i = 0; i < n; i++) assertThat(original[values[i]]).isEqualTo(keys[i]);
      // Past n nothing moves.
      for (int i = n; i < keys.length; i++) assertThat(keys[i]).isEqualTo(original[i]);
    }
  }

  @Test
  void noTwoIdsOfTheSampleShareAHashUnlessTheyDifferOnlyInCase() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var m : HubSample.models()) {
      ids.add(m.id().toLowerCase(java.util.Locale.ROOT));
      m.baseModels().forEach(b -> ids.add(b.id().toLowerCase(java.util.Locale.ROOT)));
    }
    assertThat(ids.stream().mapToLong(IdHash::of).distinct().count()).isEqualTo(ids.size());
    assertThat(IdHash.of("google/gemma-4-e4b-it")).isEqualTo(IdHash.of("google/gemma-4-E4B-it"));
    assertThat(IdHash.of("google/gemma-4-e4b-it")).isNotEqualTo(IdHash.of("google/gemma-4-e2b-it"));
  }
}
