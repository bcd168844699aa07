package io.hubshare.lineage;

import io.hubshare.internal.protocol.RepoIdHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkSortTest {

  @Test
  void sortsKeysLikeArraysSortAndCarriesEachPayloadWithItsKey() {
    Random random = new Random(42);
    // 100,000 spans several chunks; equal keys (every 7th) come out in the order they went in.
    for (int n : new int[] {0, 1, 2, 3, 17, 1000, 100_000}) {
      long[] original = new long[n];
      LongChunks keys = new LongChunks();
      IntChunks values = new IntChunks();
      IntChunks order = new IntChunks();
      for (int i = 0; i < n; i++) {
        original[i] = i % 7 == 0 ? 5 : random.nextLong();   // some equal keys, some negative
        keys.add(original[i]);
        values.add(~i);
        order.add(i);
      }
      LinkSort.sort(keys, values, order);

      long[] expected = original.clone();
      Arrays.sort(expected);
      for (int i = 0; i < n; i++) {
        assertThat(keys.get(i)).as("n=%d, i=%d", n, i).isEqualTo(expected[i]);
        assertThat(original[~values.get(i)]).isEqualTo(keys.get(i));
        assertThat(values.get(i)).isEqualTo(~order.get(i));
        if (i > 0 && keys.get(i) == keys.get(i - 1)) assertThat(order.get(i)).isGreaterThan(order.get(i - 1));
      }
    }
  }

  @Test
  void noTwoIdsOfTheSampleShareAHashUnlessTheyDifferOnlyInCase() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var m : HubSample.models()) {
      ids.add(m.id().toLowerCase(java.util.Locale.ROOT));
      m.baseModels().forEach(b -> ids.add(b.id().toLowerCase(java.util.Locale.ROOT)));
    }
    assertThat(ids.stream().mapToLong(RepoIdHash::of).distinct().count()).isEqualTo(ids.size());
    assertThat(RepoIdHash.of("google/gemma-4-e4b-it")).isEqualTo(RepoIdHash.of("google/gemma-4-E4B-it"));
    assertThat(RepoIdHash.of("google/gemma-4-e4b-it")).isNotEqualTo(RepoIdHash.of("google/gemma-4-e2b-it"));
  }
}
