package io.hubshare.analytics;

import io.hubshare.lineage.LineageIndex;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * ROOT attribution's sums in one pass, parked under each derivative's primary parent until the lineage index is
 * complete. A parent is the {@link LineageIndex.Builder#addAndGetPrimaryRef(io.hubshare.domain.Model) reference}
 * the index builder gives its id, so the sums are primitive arrays indexed by it: 12 to 16 bytes per distinct parent
 * (value, models, missing), where a map keyed by the id costs its bytes again and a hash table besides.
 *
 * <p>The groups are those of a {@link GroupTotals} keyed by parent id: parent ids differing only in ASCII case are
 * one group, spelled as the first of them parked, and groups are handed on in the order they were first parked.
 */
final class ParkedSums {
  /** Chunks of 8,192 parents: the sums grow without copying, and no array needs a large block of heap. */
  private static final int SHIFT = 13;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private long[][] values = new long[16][];
  /** Models parked per reference; 0 also says the reference was never parked. */
  private int[][] models = new int[16][];
  /** Allocated for a chunk once one of its parents has a missing value. */
  private int[][] missing = new int[16][];
  /** The references parked under, in the order first parked. */
  private int[][] order = new int[16][];
  private int parked;

  /**
   * Parks one model's value under the parent reference {@code ref}; a {@code null} value counts the model as
   * missing.
   *
   * @throws ArithmeticException past {@code Long.MAX_VALUE} in value or {@code Integer.MAX_VALUE} models for one
   *     parent
   */
  void add(int ref, @Nullable Long value) {
    int c = ref >>> SHIFT;
    int i = ref & MASK;
    if (c >= values.length) {
      int n = Math.max(c + 1, values.length * 2);
      values = Arrays.copyOf(values, n);
      models = Arrays.copyOf(models, n);
      missing = Arrays.copyOf(missing, n);
    }
    if (values[c] == null) {
      values[c] = new long[CHUNK];
      models[c] = new int[CHUNK];
    }
    if (models[c][i] == 0) setOrder(parked++, ref);
    values[c][i] = Math.addExact(values[c][i], value == null ? 0 : value);
    models[c][i] = Math.addExact(models[c][i], 1);
    if (value == null) {
      if (missing[c] == null) missing[c] = new int[CHUNK];
      missing[c][i]++;
    }
  }

  private void setOrder(int at, int ref) {
    int c = at >>> SHIFT;
    if (c == order.length) order = Arrays.copyOf(order, c * 2);
    if (order[c] == null) order[c] = new int[CHUNK];
    order[c][at & MASK] = ref;
  }

  private int order(int at) {
    return order[at >>> SHIFT][at & MASK];
  }

  /** How many distinct parent references were parked under. */
  int size() {
    return parked;
  }

  /**
   * Hands each group's sums to {@code visitor} under the root of its parent, in {@code index} (built by the builder
   * that gave the references). A root may come more than once: once per group that leads to it.
   */
  void forEachRoot(LineageIndex index, GroupTotals.Visitor visitor) {
    mergeCaseVariants(index);
    for (int at = 0; at < parked; at++) {
      int ref = order(at);
      if (ref < 0) continue;
      visitor.accept(index.rootOfBase(ref), values[ref >>> SHIFT][ref & MASK], models[ref >>> SHIFT][ref & MASK],
          missing(ref));
    }
  }

  private int missing(int ref) {
    int[] chunk = missing[ref >>> SHIFT];
    return chunk == null ? 0 : chunk[ref & MASK];
  }

  /**
   * Adds the sums of every parent id that differs from an earlier-parked one only in ASCII case into that one's,
   * and marks it as merged (its {@code order} becomes -1). Sorting (hash of the folded id, position parked) brings
   * the candidates together, earliest first.
   */
  private void mergeCaseVariants(LineageIndex index) {
    long[] byFold = new long[parked];
    for (int at = 0; at < parked; at++) byFold[at] = (long) foldedHash(index.baseId(order(at))) << 32 | at;
    Arrays.sort(byFold);
    for (int start = 0; start < parked; ) {
      int end = start + 1;
      while (end < parked && byFold[end] >>> 32 == byFold[start] >>> 32) end++;
      for (int a = start; a < end - 1; a++) {
        int first = order((int) byFold[a]);
        if (first < 0) continue;
        String id = index.baseId(first);
        for (int b = a + 1; b < end; b++) {
          int at = (int) byFold[b];
          int later = order(at);
          if (later >= 0 && equalsIgnoringAsciiCase(id, index.baseId(later))) {
            mergeInto(first, later);
            setOrder(at, -1);
          }
        }
      }
      start = end;
    }
  }

  private void mergeInto(int to, int from) {
    int ct = to >>> SHIFT;
    int it = to & MASK;
    int cf = from >>> SHIFT;
    int f = from & MASK;
    values[ct][it] = Math.addExact(values[ct][it], values[cf][f]);
    models[ct][it] = Math.addExact(models[ct][it], models[cf][f]);
    int m = missing(from);
    if (m > 0) {
      if (missing[ct] == null) missing[ct] = new int[CHUNK];
      missing[ct][it] += m;
    }
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
