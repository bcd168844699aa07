package io.hubshare.cli;

import io.hubshare.analytics.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a share chart says under its title: where the data comes from and the window it covers, so that a chart
 * copied into a slide still says what it measures ({@code hub-2026-11-28.jsonl.gz, read 2026-11-28: downloads in
 * the 30 days before the reading}). And where a chart may be written.
 */
final class ChartCaption {
  private ChartCaption() {}

  /**
   * The caption of one table.
   *
   * @param source the snapshot file's name, or the listing's endpoint
   * @param readFrom when the data was first read (a snapshot's start, the listing's time), or {@code null} when
   *     the file does not say
   * @param readTo when it was last read, or {@code null} when the same
   * @param filters the table's filters, for the creation window ({@code createdFrom}, {@code createdTo})
   */
  static String table(String source, Metric metric, @Nullable Instant readFrom, @Nullable Instant readTo,
      Map<String, String> filters) {
    String read = readFrom == null ? "" : ", read " + span(readFrom, readTo);
    return source + read + ": " + window(metric) + created(filters);
  }

  /** The caption of downloads between two snapshots: the window is from the older reading to the newer one. */
  static String between(Instant olderAt, Instant newerAt, Map<String, String> filters) {
    return "downloads between the snapshots of " + day(olderAt) + " and " + day(newerAt) + created(filters);
  }

  /** The caption of a series: how many snapshots, from when to when, and what each point counts. */
  static String series(int snapshots, Metric metric, Instant first, Instant last, Map<String, String> filters) {
    String each = metric == Metric.DOWNLOADS_BETWEEN ? "downloads between consecutive snapshots"
        : window(metric) + " at each";
    return snapshots + " snapshots, " + span(first, last) + ": " + each + created(filters);
  }

  private static String window(Metric metric) {
    switch (metric) {
      case DOWNLOADS: return "downloads in the 30 days before the reading";
      case DOWNLOADS_ALL_TIME: return "downloads since each model was created";
      case LIKES: return "likes";
      case MODELS: return "models";
      default: return metric.label();
    }
  }

  private static String created(Map<String, String> filters) {
    String from = filters.get("createdFrom");
    String to = filters.get("createdTo");
    if (from == null || to == null) return "";
    Instant a = Instant.parse(from);
    Instant b = Instant.parse(to);
    if (a.equals(Instant.EPOCH)) return "; models created before " + shown(b);
    // [from, to) of whole days reads as the days it spans, the last one included.
    String end = isMidnight(b) && isMidnight(a) ? day(b.minus(Duration.ofDays(1))) : b.toString();
    return "; models created " + shown(a) + " to " + end;
  }

  private static String shown(Instant t) {
    return isMidnight(t) ? day(t) : t.toString();
  }

  private static boolean isMidnight(Instant t) {
    return t.equals(LocalDate.ofInstant(t, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static String span(Instant from, @Nullable Instant to) {
    return to == null || day(from).equals(day(to)) ? day(from) : day(from) + " to " + day(to);
  }

  private static String day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
  }

  /**
   * Refuses a chart path that cannot be written, before anything is computed or printed: its folder must exist
   * (it is never created: a mistyped folder is a mistake to point out, not to make real) and the path must not be
   * a folder itself.
   *
   * @throws CliFailure (exit 1) naming the path and what is wrong
   */
  static void checkWritable(Path chart) {
    Path file = chart.toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (dir == null || Files.isDirectory(file)) {
      throw CliFailure.io("--chart " + chart + " is a folder: give a file name, such as " + chart.resolve("shares.png"),
          null);
    }
    if (!Files.isDirectory(dir)) {
      throw CliFailure.io("--chart " + chart + ": the folder " + dir + " does not exist (create it first, or choose "
          + "another path)", null);
    }
    if (!Files.isWritable(dir)) {
      throw CliFailure.io("--chart " + chart + ": the folder " + dir + " is not writable", null);
    }
  }
}
