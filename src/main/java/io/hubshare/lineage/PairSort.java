package io.hubshare.lineage;

/**
 * Sorts a prefix of a {@code long[]} ascending and moves an {@code int[]} payload along with it. Heapsort: no
 * extra memory and no recursion, which matters when the arrays hold a full crawl's million keys.
 */
final class PairSort {
  private PairSort() {}

  /** Sorts {@code keys[0, n)} ascending, permuting {@code values[0, n)} the same way. Not stable. */
  static void sort(long[] keys, int[] values, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) siftDown(keys, values, i, n);
    for (int end = n - 1; end > 0; end--) {
      swap(keys, values, 0, end);
      siftDown(keys, values, 0, end);
    }
  }

  private static void siftDown(long[] keys, int[] values, int i, int n) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) return;
      if (child + 1 < n && keys[child + 1] > keys[child]) child++;
      if (keys[i] >= keys[child]) return;
      swap(keys, values, i, child);
      i = child;
    }
  }

  private static void swap(long[] keys, int[] values, int i, int j) {
    long k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    int v = values[i];
    values[i] = values[j];
    values[j] = v;
  }
}
