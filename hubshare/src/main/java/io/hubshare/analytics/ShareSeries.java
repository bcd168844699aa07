package io.hubshare.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The same share table at several snapshots, oldest first, so trends can be plotted: one table per snapshot, each
 * standing on its own. Nothing here adds tables up: two 30-day readings overlap, and their sum counts no real
 * window.
 *
 * <pre>{@code
 * ShareSeries s = new ShareSeries(List.of(
 *     new ShareSeries.Point(march, shares.compute(marchModels)),
 *     new ShareSeries.Point(april, shares.compute(aprilModels))));
 * Files.writeString(Path.of("shares.csv"), s.toCsv());
 * }</pre>
 *
 * <p>Its constructor is part of the compatible API: these components define the value, so none will be added.
 *
 * @param points the tables with their snapshot times, in strictly increasing time, all of the same dimension,
 *     metric and attribution
 */
public record ShareSeries(List<Point> points) {

  /**
   * One snapshot's table.
   *
   * <p>Its constructor is part of the compatible API: these components define the value, so none will be added.
   *
   * @param at when the snapshot was taken
   * @param table the shares computed over that snapshot
   */
  public record Point(Instant at, ShareTable table) {
    /** Checks the components. */
    public Point {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Checks the components. */
  public ShareSeries {
    points = List.copyOf(points);
    for (int i = 1; i < points.size(); i++) {
      Point prev = points.get(i - 1);
      Point p = points.get(i);
      if (!p.at().isAfter(prev.at())) {
        throw new IllegalArgumentException("series points must be in strictly increasing time: " + p.at()
            + " follows " + prev.at());
      }
      ShareTable a = prev.table();
      ShareTable b = p.table();
      if (a.dimension() != b.dimension() || a.metric() != b.metric() || a.attribution() != b.attribution()) {
        throw new IllegalArgumentException("series tables must share dimension, metric and attribution: " + a
            + " at " + prev.at() + ", " + b + " at " + p.at());
      }
    }
  }

  /** The share (0 to 1) of {@code key} at every point, 0 where no model fell in that group. */
  public List<Double> sharesOf(String key) {
    List<Double> shares = new ArrayList<>(points.size());
    for (Point p : points) shares.add(p.table().share(key));
    return shares;
  }

  /**
   * The series as CSV in long form, one line per group and snapshot: {@code at,rank,key,label,value,share,models,
   * missing}, each snapshot's unknown row with an empty rank.
   */
  public String toCsv() {
    return CsvFormat.series(this);
  }

  /**
   * The series as JSON: {@code {dimension, metric, attribution, points: [{at, table}]}}, each table as
   * {@link ShareTable#toJson()} writes it.
   */
  public String toJson() {
    return JsonFormat.series(this);
  }
}
