package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.analytics.ShareRow;
import io.hubshare.analytics.ShareSeries;
import io.hubshare.analytics.ShareTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How {@code hubshare shares} prints and draws its result: one table, or one table per snapshot. The tables'
 * own text, CSV and JSON forms are used as they are, so the command line and the library agree to the byte.
 */
final class ShareReport {
  /** Bars (or lines) a chart draws unless {@code --top} says otherwise, before "Other" and "Unknown". */
  static final int DEFAULT_CHART_KEYS = 10;

  private final OutputFormat format;
  private final @Nullable Integer top;

  ShareReport(OutputFormat format, @Nullable Integer top) {
    this.format = format;
    this.top = top;
  }

  /** One table: aligned text (the top rows when asked), CSV (every row) or JSON. */
  void print(Output out, ShareTable table) {
    switch (format) {
      case CSV:
        out.print(table.toCsv());
        break;
      case JSON:
        out.print(endLine(top == null ? table.toJson() : table.toJson(top)));
        break;
      default:
        out.print(top == null ? table.toText() : table.toText(top));
    }
  }

  /**
   * One table per snapshot, oldest first. Text: each table under a heading naming its snapshot. CSV: the long form
   * of {@link ShareSeries#toCsv()}. JSON: {@code {dimension, metric, attribution, points: [{at, snapshot, table}]}}
   * with each table as for a single snapshot.
   *
   * @param names what to call each point's snapshot, in the points' order
   */
  void print(Output out, ShareSeries series, List<String> names) {
    if (format == OutputFormat.CSV) {
      out.print(series.toCsv());
      return;
    }
    if (format == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      ShareTable first = series.points().get(0).table();
      root.put("dimension", first.dimension().key());
      root.put("metric", first.metric().key());
      root.put("attribution", first.attribution().name().toLowerCase(Locale.ROOT));
      ArrayNode points = root.putArray("points");
      for (int i = 0; i < series.points().size(); i++) {
        ShareSeries.Point p = series.points().get(i);
        ObjectNode point = points.addObject();
        point.put("at", p.at().toString());
        point.put("snapshot", names.get(i));
        point.set("table", Json.parse(top == null ? p.table().toJson() : p.table().toJson(top)));
      }
      out.json(root);
      return;
    }
    for (int i = 0; i < series.points().size(); i++) {
      ShareSeries.Point p = series.points().get(i);
      if (i > 0) out.println("");
      out.println("== " + names.get(i) + " ==");
      out.print(top == null ? p.table().toText() : p.table().toText(top));
    }
  }

  /** A bar chart of the table: its top keys, "Other" for the rest, "Unknown". */
  void chart(Path file, ShareTable table, @Nullable String subtitle, ChartSize size) throws IOException {
    List<ChartBar> ranked = new ArrayList<>();
    for (ShareRow r : table.rows()) ranked.add(new ChartBar(r.label(), r.share(), ChartBar.Kind.KEY));
    List<ChartBar> bars = ChartBar.topWithRest(ranked, table.unknown().share(), chartKeys());
    ShareChart.bars(file, title(table, ""), subtitle, bars, size.width(), size.height());
  }

  /**
   * A line chart of the share of each leading key over time: the keys leading at the latest snapshot, then the
   * unknown bucket.
   */
  void chart(Path file, ShareSeries series, @Nullable String subtitle, ChartSize size) throws IOException {
    ShareTable latest = series.points().get(series.points().size() - 1).table();
    List<Instant> times = new ArrayList<>();
    for (ShareSeries.Point p : series.points()) times.add(p.at());
    Map<String, List<Double>> lines = new LinkedHashMap<>();
    for (ShareRow r : latest.top(chartKeys())) lines.put(r.label(), series.sharesOf(r.key()));
    List<Double> unknown = new ArrayList<>();
    for (ShareSeries.Point p : series.points()) unknown.add(p.table().unknown().share());
    if (unknown.stream().anyMatch(u -> u > 0)) lines.put(ChartBar.UNKNOWN, unknown);
    ShareChart.lines(file, title(latest, " over time"), subtitle, times, lines, size.width(), size.height());
  }

  private int chartKeys() {
    return top != null ? top : DEFAULT_CHART_KEYS;
  }

  /**
   * {@code Downloads (30 days) by country, attribution uploader}: what the table adds up, how, and whose;
   * {@code grouping} qualifies the grouping ({@code " over time"}).
   */
  static String title(ShareTable t, String grouping) {
    String metric = t.metric().label();
    return Character.toUpperCase(metric.charAt(0)) + metric.substring(1) + " by "
        + t.dimension().key().replace('_', ' ') + grouping + ", attribution "
        + t.attribution().name().toLowerCase(Locale.ROOT);
  }

  private static String endLine(String s) {
    return s.endsWith("\n") ? s : s + "\n";
  }
}
