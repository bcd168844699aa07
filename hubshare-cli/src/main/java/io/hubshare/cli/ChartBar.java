package io.hubshare.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One bar of a share chart: a key's share of the total, or the bars that sum up the rest ("Other") and what no
 * one could attribute ("Unknown"), which the chart draws in greys so they never pass for a country.
 *
 * @param label the text under the bar
 * @param share the share, 0 to 1
 * @param kind a key, the rest, or the unknown bucket
 */
record ChartBar(String label, double share, Kind kind) {
  /** The label of the bar of what no one could attribute. */
  static final String UNKNOWN = "Unknown";

  /** What a bar stands for. */
  enum Kind { KEY, OTHER, UNKNOWN }

  ChartBar {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    if (!(share >= 0 && share <= 1 + 1e-9)) throw new IllegalArgumentException("share out of [0, 1]: " + share);
  }

  /**
   * The bars of a chart: the first {@code top} of {@code ranked}, then "Other N rows" with the sum of the rest when
   * there is a rest (named with its size, so it never passes for a group called "Other"), then "Unknown" when
   * {@code unknownShare} is not zero.
   *
   * @param ranked the keys' shares, largest first
   * @param unknownShare the share of the unknown bucket
   * @param top how many keys get their own bar
   */
  static List<ChartBar> topWithRest(List<ChartBar> ranked, double unknownShare, int top) {
    if (top < 1) throw new IllegalArgumentException("top must be at least 1: " + top);
    List<ChartBar> bars = new ArrayList<>(ranked.subList(0, Math.min(top, ranked.size())));
    if (ranked.size() > top) {
      double rest = 0;
      for (ChartBar b : ranked.subList(top, ranked.size())) rest += b.share();
      int n = ranked.size() - top;
      bars.add(new ChartBar("Other " + n + (n == 1 ? " row" : " rows"), Math.min(rest, 1), Kind.OTHER));
    }
    if (unknownShare > 0) bars.add(new ChartBar(UNKNOWN, unknownShare, Kind.UNKNOWN));
    return bars;
  }
}
