package io.hubshare.lineage;

import io.hubshare.internal.protocol.RepoIdHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkSortTest {

  @Test
  void sortsKeysLikeArraysSortAndCarriesEachPayloadWithItsKey() {
    // 100,000 spans several chunks; equal keys (every 7th) come out in the order they went in.
    for (int n : new int[] {0, 1, 2, 3, 17, 1000, 100_000}) {
      check(n, -1, i -> i % 7 == 0 ? 5 : i * 0x9E3779B97F4A7C15L); // some equal keys, some negative
    }
  }

  @Test
  void heapsortTakesOverWhereQuicksortGoesTooDeepWithTheSameResult() {
    Random random = new Random(42);
    for (int depth : new int[] {0, 1, 3}) {
      check(5_000, depth, i -> i % 5 == 0 ? -3 : random.nextLong());
      check(3_000, depth, i -> i); // sorted already
      check(3_000, depth, i -> -i); // reversed
      check(2_000, depth, i -> 1); // one key: the order of addition decides
    }
  }

  /** Sorts n keys made by {@code key}, at the given depth (-1: the default), and checks the result. */
  private static void check(int n, int depth, java.util.function.IntToLongFunction key) {
    long[] original = new long[n];
    LongChunks keys = new LongChunks();
    IntChunks values = new IntChunks();
    IntChunks order = new IntChunks();
    for (int i = 0; i < n; i++) {
      original[i] = key.applyAsLong(i);
      keys.add(original[i]);
      values.add(~i);
      order.add(i);
    }
    if (depth < 0) {
      LinkSort.sort(keys, values, order);
    } else {
      LinkSort.sort(keys, values, order, depth);
    }

    long[] expected = original.clone();
    Arrays.sort(expected);
    for (int i = 0; i < n; i++) {
      assertThat(keys.get(i)).as("n=%d, i=%d", n, i).isEqualTo(expected[i]);
      assertThat(original[~values.get(i)]).isEqualTo(keys.get(i));
      assertThat(values.get(i)).isEqualTo(~order.get(i));
      if (i > 0 && keys.get(i) == keys.get(i - 1)) assertThat(order.get(i)).isGreaterThan(order.get(i - 1));
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
