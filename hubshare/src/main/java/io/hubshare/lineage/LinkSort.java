package io.hubshare.lineage;

/**
 * Sorts a {@link LinkCollector}'s models by key hash, in place, so no second copy of a full crawl's arrays:
 * introsort (quicksort on the median of three, insertion sort for short runs, heapsort where quicksort degrades), its
 * recursion only on the shorter side, so at most about 2 log n deep. Keys are hashes, so quicksort's partitions are
 * even; it touches memory in runs where heapsort jumps across the arrays, and is three to four times faster on the
 * millions of links of a full crawl. Ties (one model added twice) are ordered by when they were added, so the
 * reading added last comes last.
 */
final class LinkSort {
  private static final int INSERTION = 16;

  private LinkSort() {}

  /**
   * Sorts the three parallel sequences by {@code keys} ascending, then {@code order} ascending; {@code values}
   * moves along. {@code order} must hold distinct values (the positions before sorting, say).
   */
  static void sort(LongChunks keys, IntChunks values, IntChunks order) {
    sort(keys, values, order, 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, keys.size()))));
  }

  /** As {@link #sort(LongChunks, IntChunks, IntChunks)}, heapsort taking over {@code depth} partitions deep. */
  static void sort(LongChunks keys, IntChunks values, IntChunks order, int depth) {
    quick(keys, values, order, 0, keys.size(), depth);
  }

  /** Sorts {@code [lo, hi)}; past {@code depth} partitions, heapsort finishes the range. */
  private static void quick(LongChunks keys, IntChunks values, IntChunks order, int lo, int hi, int depth) {
    while (hi - lo > INSERTION) {
      if (depth-- == 0) {
        heap(keys, values, order, lo, hi);
        return;
      }
      int mid = lo + (hi - lo) / 2;
      int m = median(keys, order, lo, mid, hi - 1);
      long pk = keys.get(m);
      int po = order.get(m);
      // Hoare's partition: the pivot is neither the least nor the greatest of three distinct elements, so both
      // sides end up non-empty and the scans stop inside the range.
      int i = lo - 1;
      int j = hi;
      while (true) {
        do i++; while (less(keys.get(i), order.get(i), pk, po));
        do j--; while (less(pk, po, keys.get(j), order.get(j)));
        if (i >= j) break;
        swap(keys, values, order, i, j);
      }
      int split = j + 1;
      if (split - lo < hi - split) {
        quick(keys, values, order, lo, split, depth);
        lo = split;
      } else {
        quick(keys, values, order, split, hi, depth);
        hi = split;
      }
    }
    insertion(keys, values, order, lo, hi);
  }

  private static int median(LongChunks keys, IntChunks order, int a, int b, int c) {
    boolean ab = less(keys.get(a), order.get(a), keys.get(b), order.get(b));
    boolean bc = less(keys.get(b), order.get(b), keys.get(c), order.get(c));
    boolean ac = less(keys.get(a), order.get(a), keys.get(c), order.get(c));
    if (ab == bc) return b;
    return ab == ac ? c : a;
  }

  private static void insertion(LongChunks keys, IntChunks values, IntChunks order, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      long k = keys.get(i);
      int v = values.get(i);
      int o = order.get(i);
      int j = i - 1;
      while (j >= lo && less(k, o, keys.get(j), order.get(j))) {
        move(keys, values, order, j, j + 1);
        j--;
      }
      keys.set(j + 1, k);
      values.set(j + 1, v);
      order.set(j + 1, o);
    }
  }

  /** Heapsort of {@code [lo, hi)}. */
  private static void heap(LongChunks keys, IntChunks values, IntChunks order, int lo, int hi) {
    int n = hi - lo;
    for (int i = n / 2 - 1; i >= 0; i--) siftDown(keys, values, order, lo, i, n);
    for (int end = n - 1; end > 0; end--) {
      swap(keys, values, order, lo, lo + end);
      siftDown(keys, values, order, lo, 0, end);
    }
  }

  /** Sinks element {@code i} of the heap {@code [0, n)}, stored from {@code base}, moving the larger children up. */
  private static void siftDown(LongChunks keys, IntChunks values, IntChunks order, int base, int i, int n) {
    long k = keys.get(base + i);
    int v = values.get(base + i);
    int o = order.get(base + i);
    while (true) {
      int child = 2 * i + 1;
      if (child >= n || child < 0) break;
      int c = base + child;
      if (child + 1 < n && less(keys.get(c), order.get(c), keys.get(c + 1), order.get(c + 1))) {
        child++;
        c++;
      }
      if (!less(k, o, keys.get(c), order.get(c))) break;
      move(keys, values, order, c, base + i);
      i = child;
    }
    keys.set(base + i, k);
    values.set(base + i, v);
    order.set(base + i, o);
  }

  private static boolean less(long k1, int o1, long k2, int o2) {
    return k1 < k2 || k1 == k2 && o1 < o2;
  }

  private static void swap(LongChunks keys, IntChunks values, IntChunks order, int a, int b) {
    long k = keys.get(a);
    int v = values.get(a);
    int o = order.get(a);
    move(keys, values, order, b, a);
    keys.set(b, k);
    values.set(b, v);
    order.set(b, o);
  }

  private static void move(LongChunks keys, IntChunks values, IntChunks order, int from, int to) {
    keys.set(to, keys.get(from));
    values.set(to, values.get(from));
    order.set(to, order.get(from));
  }
}
