package io.hubshare.analytics;

import io.hubshare.lineage.LineageIndex;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * ROOT attribution's sums in one pass, parked under each derivative's primary parent until the lineage index is
 * complete. A parent is the {@link LineageIndex.Builder#addAndGetPrimaryRef(io.hubshare.domain.Model) reference}
 * the index builder gives its id, so the sums are primitive arrays indexed by it: 16 bytes per distinct parent
 * (value, models, missing), where a map keyed by the id costs its bytes again and a hash table besides.
 *
 * <p>The groups are those of a {@link GroupTotals} keyed by parent id: parent ids differing only in ASCII case are
 * one group, spelled as the first of them parked, and groups are handed on in the order they were first parked.
 */
final class ParkedSums {
  private long[] values = new long[64];
  /** Models parked per reference; 0 also says the reference was never parked. */
  private int[] models = new int[64];
  private int[] missing = new int[64];
  /** The references parked under, in the order first parked. */
  private int[] order = new int[64];
  private int parked;

  /**
   * Parks one model's value under the parent reference {@code ref}; a {@code null} value counts the model as
   * missing.
   *
   * @throws ArithmeticException past {@code Long.MAX_VALUE} in value or {@code Integer.MAX_VALUE} models for one
   *     parent
   */
  void add(int ref, @Nullable Long value) {
    if (ref >= models.length) grow(ref + 1);
    if (models[ref] == 0) {
      if (parked == order.length) order = Arrays.copyOf(order, capacity(order.length, parked + 1));
      order[parked++] = ref;
    }
    values[ref] = Math.addExact(values[ref], value == null ? 0 : value);
    models[ref] = Math.addExact(models[ref], 1);
    if (value == null) missing[ref]++;
  }

  /** How many distinct parent references were parked under. */
  int size() {
    return parked;
  }

  /** Gives back the spare capacity once parking is over, before the index is built. */
  void trim() {
    int n = 0;
    for (int i = 0; i < parked; i++) n = Math.max(n, order[i] + 1);
    values = Arrays.copyOf(values, n);
    models = Arrays.copyOf(models, n);
    missing = Arrays.copyOf(missing, n);
    order = Arrays.copyOf(order, parked);
  }

  /**
   * Hands each group's sums to {@code visitor} under the root of its parent, in {@code index} (built by the builder
   * that gave the references). A root may come more than once: once per group that leads to it.
   */
  void forEachRoot(LineageIndex index, GroupTotals.Visitor visitor) {
    mergeCaseVariants(index);
    for (int i = 0; i < parked; i++) {
      int ref = order[i];
      if (ref < 0) continue;
      visitor.accept(index.rootOfBase(ref), values[ref], models[ref], missing[ref]);
    }
  }

  /**
   * Adds the sums of every parent id that differs from an earlier-parked one only in ASCII case into that one's,
   * and marks it as merged ({@code order[i] = -1}). Sorting (hash of the folded id, position parked) brings the
   * candidates together, earliest first.
   */
  private void mergeCaseVariants(LineageIndex index) {
    long[] byFold = new long[parked];
    for (int i = 0; i < parked; i++) byFold[i] = (long) foldedHash(index.baseId(order[i])) << 32 | i;
    Arrays.sort(byFold);
    for (int start = 0; start < parked; ) {
      int end = start + 1;
      while (end < parked && byFold[end] >>> 32 == byFold[start] >>> 32) end++;
      for (int a = start; a < end - 1; a++) {
        int first = (int) byFold[a];
        if (order[first] < 0) continue;
        String id = index.baseId(order[first]);
        for (int b = a + 1; b < end; b++) {
          int later = (int) byFold[b];
          if (order[later] >= 0 && equalsIgnoringAsciiCase(id, index.baseId(order[later]))) {
            mergeInto(order[first], order[later]);
            order[later] = -1;
          }
        }
      }
      start = end;
    }
  }

  private void mergeInto(int to, int from) {
    values[to] = Math.addExact(values[to], values[from]);
    models[to] = Math.addExact(models[to], models[from]);
    missing[to] += missing[from];
  }

  private void grow(int min) {
    int n = capacity(models.length, min);
    values = Arrays.copyOf(values, n);
    models = Arrays.copyOf(models, n);
    missing = Arrays.copyOf(missing, n);
  }

  /** Half as much again, or {@code min}: the arrays track the number of distinct parents with little slack. */
  private static int capacity(int length, int min) {
    return Math.max(min, length + (length >> 1));
  }

  /** Hash of the id with ASCII letters folded to lower case, spread by MurmurHash3's finaliser. */
  private static int foldedHash(String id) {
    int h = 0;
    for (int i = 0; i < id.length(); i++) h = 31 * h + fold(id.charAt(i));
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** Whether two ids match ignoring ASCII case only, as {@link GroupTotals} matches keys. */
  static boolean equalsIgnoringAsciiCase(String a, String b) {
    if (a.length() != b.length()) return false;
    for (int i = 0; i < a.length(); i++) {
      if (fold(a.charAt(i)) != fold(b.charAt(i))) return false;
    }
    return true;
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
