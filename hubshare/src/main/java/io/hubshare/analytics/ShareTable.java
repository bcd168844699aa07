package io.hubshare.analytics;

import io.hubshare.lineage.Attribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Download shares (or likes, or model counts) by group: the answer to "what share of downloads comes from China,
 * the US, Europe…, and who leads?". Immutable; computed by {@link Shares}.
 *
 * <p>The rows hold every group the registry or the models name, sorted by value (largest first, equal values by
 * key). What cannot be placed (an account the origin registry does not know, a model without a licence…) is kept
 * apart in {@link #unknown()}, never folded into a group. Shares are of the {@link #total()}, unknown included, so
 * the rows and the unknown row add up to 100%.
 *
 * <p>Concentration ({@link #hhi()}, {@link #gini()}, {@link #topShare(int)}) is measured over the known rows
 * only, against their own total: the unknown row is not one developer, so counting it as a group would overstate
 * concentration, and counting it in the denominator would understate it.
 *
 * <pre>{@code
 * ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS).compute(models);
 * System.out.println(t.toText(10));
 * double china = t.share("CN");   // 0.171…
 * }</pre>
 */
public final class ShareTable {
  /** The key of the unknown row. It cannot clash with a group: no country, tag or id is written so. */
  public static final String UNKNOWN_KEY = "(unknown)";

  private final Dimension dimension;
  private final Metric metric;
  private final Attribution attribution;
  private final Map<String, String> filters;
  private final List<ShareRow> rows;
  private final Map<String, ShareRow> byKey;
  private final ShareRow unknown;
  private final long total;
  private final Counts counts;
  private final long[] knownValues;

  /**
   * How many models a table saw.
   *
   * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
   * whenever a figure is added.
   *
   * @param seen every model offered
   * @param matched those that passed the filters
   * @param missing matched models whose metric was absent: they are in their group's {@code models} but add
   *     nothing to any value
   * @param negative those of the missing whose metric was there but negative: no count can be, so it is treated as
   *     absent rather than subtracted (a damaged or hostile file)
   */
  public record Counts(long seen, long matched, long missing, long negative) {
    /** Made by hubshare: not part of the compatible API (see the class comment). */
    public Counts {
      if (seen < 0 || matched < 0 || missing < 0 || negative < 0 || matched > seen || missing > matched
          || negative > missing) {
        throw new IllegalArgumentException("inconsistent counts: seen=" + seen + ", matched=" + matched
            + ", missing=" + missing + ", negative=" + negative);
      }
    }

    /** Counts without negative values. */
    public Counts(long seen, long matched, long missing) {
      this(seen, matched, missing, 0);
    }

    /** Matched models that carried a value. */
    public long counted() {
      return matched - missing;
    }
  }

  private ShareTable(Dimension dimension, Metric metric, Attribution attribution, Map<String, String> filters,
      List<ShareRow> rows, ShareRow unknown, long total, Counts counts) {
    this.dimension = dimension;
    this.metric = metric;
    this.attribution = attribution;
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    this.rows = List.copyOf(rows);
    this.unknown = unknown;
    this.total = total;
    this.counts = counts;
    // Keys are unique ignoring case (the Hub's ids and names are): look them up so.
    Map<String, ShareRow> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (ShareRow r : rows) index.put(r.key(), r);
    this.byKey = Collections.unmodifiableMap(index);
    this.knownValues = rows.stream().mapToLong(ShareRow::value).toArray();
  }

  /**
   * Builds a table from group totals, whichever path computed them.
   *
   * @param groups per key: {value, models, missing}
   * @param unknownCell the unknown row's {value, models, missing}
   * @throws MetricUnavailableException if models matched but none carried the metric: a table of zeros would read
   *     as "nobody downloads anything" when the input simply lacks the metric
   */
  static ShareTable of(Dimension dimension, Metric metric, Attribution attribution, Map<String, String> filters,
      Map<String, long[]> groups, long[] unknownCell, Counts counts) {
    if (counts.matched() > 0 && counts.missing() == counts.matched()) {
      throw new MetricUnavailableException(metric, counts.matched(), null);
    }
    long total = unknownCell[0];
    for (long[] cell : groups.values()) total = Math.addExact(total, cell[0]);
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey));
    List<ShareRow> rows = new ArrayList<>(sorted.size());
    int rank = 0;
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < sorted.size(); i++) {
      long[] cell = sorted.get(i).getValue();
      if (cell[0] != previous) rank = i + 1;
      previous = cell[0];
      String key = sorted.get(i).getKey();
      rows.add(new ShareRow(key, Labels.of(dimension, key), cell[0], share(cell[0], total), rank, cell[1], cell[2]));
    }
    ShareRow unknown = new ShareRow(UNKNOWN_KEY, "Unknown", unknownCell[0], share(unknownCell[0], total), 0,
        unknownCell[1], unknownCell[2]);
    return new ShareTable(dimension, metric, attribution, filters, rows, unknown, total, counts);
  }

  private static double share(long value, long total) {
    return total == 0 ? 0 : (double) value / total;
  }

  /** What the models are grouped by. */
  public Dimension dimension() {
    return dimension;
  }

  /** What is added up. */
  public Metric metric() {
    return metric;
  }

  /** Whose model a derivative counted as. */
  public Attribution attribution() {
    return attribution;
  }

  /** The filters applied, in words ({@code createdFrom → 2024-08-01T00:00:00Z}); empty when none. */
  public Map<String, String> filters() {
    return filters;
  }

  /** The known groups, largest first. */
  public List<ShareRow> rows() {
    return rows;
  }

  /** The first {@code k} rows (all of them when there are fewer). */
  public List<ShareRow> top(int k) {
    if (k < 1) throw new IllegalArgumentException("top needs k >= 1, got " + k);
    return rows.subList(0, Math.min(k, rows.size()));
  }

  /** The row with this key, in any case ({@code cn} finds {@code CN}), or {@code null} when no model fell in it. */
  public @Nullable ShareRow row(String key) {
    return byKey.get(Objects.requireNonNull(key, "key"));
  }

  /** The share (0 to 1) of the group with this key, in any case; 0 when no model fell in it. */
  public double share(String key) {
    ShareRow r = row(key);
    return r == null ? 0 : r.share();
  }

  /** What could not be placed in a group; its rank is 0. Always present, possibly with zero models. */
  public ShareRow unknown() {
    return unknown;
  }

  /** The sum over every row, unknown included. */
  public long total() {
    return total;
  }

  /** The sum over the known rows. */
  public long knownTotal() {
    return total - unknown.value();
  }

  /** How many models were seen, matched the filters, and lacked the metric. */
  public Counts counts() {
    return counts;
  }

  /**
   * The Herfindahl–Hirschman index of the known rows (squared percentage shares of the known total, summed):
   * 10,000 for a monopoly, 0 for an empty table. The unknown row is left out.
   */
  public double hhi() {
    return Concentration.hhi(knownValues);
  }

  /** The Gini coefficient of the known rows' values: 0 when all are equal. The unknown row is left out. */
  public double gini() {
    return Concentration.gini(knownValues);
  }

  /** The share (0 to 1) of the known total held by the {@code k} largest known rows. */
  public double topShare(int k) {
    return Concentration.topShare(knownValues, k);
  }

  /** Every row as an aligned text table, unknown row and total last. */
  public String toText() {
    return TextFormat.table(this, rows.size());
  }

  /**
   * The {@code top} largest rows as an aligned text table: numbers with thousands separators, shares as
   * percentages, then a line for the rows left out, the unknown row, the total, and the concentration.
   *
   * @throws IllegalArgumentException if {@code top} is not positive
   */
  public String toText(int top) {
    if (top < 1) throw new IllegalArgumentException("top needs a positive row count, got " + top);
    return TextFormat.table(this, top);
  }

  /**
   * Every row as CSV (RFC 4180, {@code \r\n} line ends): {@code rank,key,label,value,share,models,missing}, then
   * the unknown row with an empty rank. Shares are fractions from 0 to 1.
   */
  public String toCsv() {
    return CsvFormat.table(this);
  }

  /** Every row as JSON: see {@link #toJson(int)}. */
  public String toJson() {
    return JsonFormat.table(this, rows.size());
  }

  /**
   * The table as JSON: {@code dimension, metric, attribution, total, rows [{key, label, value, share, rank,
   * models, missing}], unknown {…}, hhi, gini, topShares {"1", "3", "5", "10"}, models {seen, matched, counted},
   * missing, filters}}, with only the first {@code top} rows and an {@code others} object summing the rest when
   * rows are left out. Shares are fractions from 0 to 1.
   */
  public String toJson(int top) {
    if (top < 1) throw new IllegalArgumentException("top needs a positive row count, got " + top);
    return JsonFormat.table(this, top);
  }

  /** A one-line summary; use {@link #toText()} for the table. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ShareTable[").append(metric.key()).append(" by ")
        .append(dimension.key()).append(", ").append(attribution.name().toLowerCase(java.util.Locale.ROOT))
        .append(", ").append(rows.size()).append(" rows, total=").append(total);
    if (!rows.isEmpty()) b.append(", top=").append(rows.get(0).key());
    return b.append(']').toString();
  }
}
