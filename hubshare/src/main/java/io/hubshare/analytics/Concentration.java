package io.hubshare.analytics;

import java.util.Arrays;

/**
 * Concentration measures over group totals: how much of a market a few groups hold.
 *
 * <p>All three take the values of the groups (downloads per country, say) and ignore their order. Negative values
 * are refused. An empty input, or one whose values are all zero, has no concentration: every measure is 0.
 *
 * <pre>{@code
 * Concentration.hhi(new long[] {50, 50});     // 5000.0: two equal groups
 * Concentration.hhi(new long[] {7});          // 10000.0: a monopoly
 * Concentration.gini(new long[] {5, 5, 5});   // 0.0: equal shares
 * Concentration.topShare(new long[] {6, 3, 1}, 2);  // 0.9
 * }</pre>
 */
public final class Concentration {
  private Concentration() {}

  /**
   * The Herfindahl–Hirschman index: the sum of the squared percentage shares, from near 0 (many tiny groups) to
   * 10,000 (one group holds everything). Antitrust practice reads above 2,500 as highly concentrated.
   */
  public static double hhi(long[] values) {
    double total = sum(values);
    if (total == 0) return 0;
    double hhi = 0;
    for (long v : values) {
      double pct = 100.0 * v / total;
      hhi += pct * pct;
    }
    return hhi;
  }

  /**
   * The Gini coefficient of the values: 0 when every group holds the same, approaching 1 when one group holds
   * everything among many. It is {@code sum_i sum_j |x_i - x_j| / (2 n^2 mean)}, computed in O(n log n) from the
   * sorted values. One group alone has a Gini of 0.
   */
  public static double gini(long[] values) {
    int n = values.length;
    double total = sum(values);
    if (n < 2 || total == 0) return 0;
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    // With ascending x and 1-based rank i: G = sum((2i - n - 1) * x_i) / (n * total).
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return weighted / (n * total);
  }

  /**
   * The share (0 to 1) of the total held by the {@code k} largest values; all of it when {@code k} is at least the
   * number of values.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public static double topShare(long[] values, int k) {
    if (k < 1) throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
    double total = sum(values);
    if (total == 0) return 0;
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    double top = 0;
    for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - k); i--) {
      top += sorted[i];
    }
    return top / total;
  }

  private static double sum(long[] values) {
    double total = 0;
    for (long v : values) {
      if (v < 0) throw new IllegalArgumentException("concentration needs non-negative values, got " + v);
      total += v;
    }
    return total;
  }
}
