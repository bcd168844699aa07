package io.hubshare.lineage;

/**
 * Sorts a {@link LinkCollector}'s models by key hash, in place: heapsort, so no second copy of a full crawl's
 * arrays and no recursion. Ties (one model added twice) are ordered by when they were added, so the reading added
 * last comes last.
 */
final class LinkSort {
  private LinkSort() {}

  /**
   * Sorts the three parallel sequences by {@code keys} ascending, then {@code order} ascending; {@code values}
   * moves along. {@code order} must hold distinct values (the positions before sorting, say).
   */
  static void sort(LongChunks keys, IntChunks values, IntChunks order) {
    int n = keys.size();
    for (int i = n / 2 - 1; i >= 0; i--) siftDown(keys, values, order, i, n);
    for (int end = n - 1; end > 0; end--) {
      long k = keys.get(end);
      int v = values.get(end);
      int o = order.get(end);
      move(keys, values, order, 0, end);
      keys.set(0, k);
      values.set(0, v);
      order.set(0, o);
      siftDown(keys, values, order, 0, end);
    }
  }

  /** Sinks element {@code i} of the heap {@code [0, n)} to its place, moving the larger children up. */
  private static void siftDown(LongChunks keys, IntChunks values, IntChunks order, int i, int n) {
    long k = keys.get(i);
    int v = values.get(i);
    int o = order.get(i);
    while (true) {
      int child = 2 * i + 1;
      if (child >= n || child < 0) break;
      if (child + 1 < n && greater(keys.get(child + 1), order.get(child + 1), keys.get(child), order.get(child))) {
        child++;
      }
      if (!greater(keys.get(child), order.get(child), k, o)) break;
      move(keys, values, order, child, i);
      i = child;
    }
    keys.set(i, k);
    values.set(i, v);
    order.set(i, o);
  }

  private static boolean greater(long k1, int o1, long k2, int o2) {
    return k1 > k2 || k1 == k2 && o1 > o2;
  }

  private static void move(LongChunks keys, IntChunks values, IntChunks order, int from, int to) {
    keys.set(to, keys.get(from));
    values.set(to, values.get(from));
    order.set(to, order.get(from));
  }
}
