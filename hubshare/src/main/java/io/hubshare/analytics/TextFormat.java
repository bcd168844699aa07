package io.hubshare.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The aligned text form of a {@link ShareTable}. */
final class TextFormat {
  private static final int[] TOP_KS = {1, 3, 5, 10};

  private TextFormat() {}

  static String table(ShareTable t, int top) {
    List<ShareRow> shown = t.rows().subList(0, Math.min(top, t.rows().size()));
    boolean labels = false;
    for (ShareRow r : t.rows()) labels |= !r.label().equals(r.key());
    // A model count needs no second column of model counts.
    boolean models = t.metric() != Metric.MODELS;
    Columns c = new Columns(labels, models);

    List<String[]> lines = new ArrayList<>();
    lines.add(c.row("rank", "key", "label", t.metric().label(), "share", "models"));
    for (ShareRow r : shown) {
      lines.add(c.row(Integer.toString(r.rank()), r.key(), r.label(), number(r.value()), percent(r.share()),
          number(r.models())));
    }
    int hidden = t.rows().size() - shown.size();
    if (hidden > 0) {
      long value = 0;
      long count = 0;
      for (ShareRow r : t.rows().subList(shown.size(), t.rows().size())) {
        value += r.value();
        count += r.models();
      }
      double share = t.total() == 0 ? 0 : (double) value / t.total();
      lines.add(c.row("", "other " + number(hidden) + (hidden == 1 ? " row" : " rows"), "", number(value),
          percent(share), number(count)));
    }
    ShareRow u = t.unknown();
    lines.add(c.row("", "unknown", u.label(), number(u.value()), percent(u.share()), number(u.models())));
    lines.add(c.row("", "total", "", number(t.total()), percent(t.total() == 0 ? 0 : 1),
        number(t.counts().matched())));

    StringBuilder b = new StringBuilder();
    b.append(capitalise(t.metric().label())).append(" by ").append(t.dimension().key().replace('-', ' '))
        .append(", attribution ").append(t.attribution().name().toLowerCase(Locale.ROOT)).append('\n');
    if (!t.filters().isEmpty()) {
      b.append("filters:");
      String sep = " ";
      for (Map.Entry<String, String> f : t.filters().entrySet()) {
        b.append(sep).append(f.getKey()).append('=').append(f.getValue());
        sep = ", ";
      }
      b.append('\n');
    }
    b.append('\n');
    appendAligned(b, lines, labels ? 3 : 2);
    b.append('\n');
    ShareTable.Counts n = t.counts();
    b.append("models: ").append(number(n.seen())).append(" seen, ").append(number(n.matched()))
        .append(" matched the filters, ").append(number(n.missing())).append(" without a value (left out")
        .append(n.negative() > 0 ? ", " + number(n.negative()) + " of them with a negative count, read as absent" : "")
        .append(")\n");
    b.append("concentration of the known rows:");
    for (int k : TOP_KS) {
      if (k > 1 && k >= t.rows().size()) break;
      b.append(" top-").append(k).append(' ').append(percent(t.topShare(k))).append(',');
    }
    b.append(String.format(Locale.US, " HHI %,.0f, Gini %.3f%n", t.hhi(), t.gini()));
    return b.toString();
  }

  /** Which optional columns a table shows: the label (when it differs from the key) and the model count. */
  private static final class Columns {
    private final boolean labels;
    private final boolean models;

    Columns(boolean labels, boolean models) {
      this.labels = labels;
      this.models = models;
    }

    String[] row(String rank, String key, String label, String value, String share, String modelCount) {
      List<String> cells = new ArrayList<>(6);
      cells.add(rank);
      cells.add(PlainText.strip(key)); // hub text: no escape sequence reaches the terminal
      if (labels) cells.add(PlainText.strip(label));
      cells.add(value);
      cells.add(share);
      if (models) cells.add(modelCount);
      return cells.toArray(new String[0]);
    }
  }

  /** Rank and numbers right-aligned, the text columns (key, label) before {@code textEnd} left-aligned. */
  private static void appendAligned(StringBuilder b, List<String[]> lines, int textEnd) {
    int cols = lines.get(0).length;
    int[] width = new int[cols];
    for (String[] l : lines) {
      for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], l[i].length());
    }
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        if (i > 0) line.append("  ");
        boolean left = i >= 1 && i < textEnd;
        String pad = " ".repeat(width[i] - l[i].length());
        line.append(left ? l[i] + pad : pad + l[i]);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }

  static String number(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  /** One decimal, as the study reports; a share too small to show is {@code <0.1%} rather than a false 0. */
  static String percent(double share) {
    double pct = share * 100;
    if (pct > 0 && pct < 0.05) return "<0.1%";
    return String.format(Locale.US, "%.1f%%", pct);
  }

  private static String capitalise(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
