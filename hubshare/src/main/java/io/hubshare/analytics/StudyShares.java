package io.hubshare.analytics;

import io.hubshare.lineage.Attribution;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotDelta;
import io.hubshare.snapshot.SnapshotHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The study's measure (Longpre et al., <i>Economies of Open Intelligence</i>, 2025): for the models created in a
 * one-year window, their downloads within that window, grouped into the study's 14 groups of developers
 * ({@link StudyGroups}), credited twice, side by side: to the uploading account (the study's {@code org_country})
 * and to the developer of the base model ({@link Attribution#PARENT}, its {@code derived_org_country}).
 *
 * <ul>
 *   <li><b>One snapshot</b> read at T: models created in {@code [T − 1 year, T)}, each weighed by its
 *       {@code downloadsAllTime} at T. Created inside the window, a model received all those downloads inside it.
 *   <li><b>Two snapshots</b> read at S &lt; T: models created in {@code [S, T)}, each weighed by its downloads
 *       between them ({@link SnapshotDelta}: created after S, its whole all-time count at T).
 * </ul>
 *
 * <pre>{@code
 * try (Snapshot s = Snapshots.open(Path.of("models/2025-08-25/models.parquet"))) {
 *   StudyShares.Result r = StudyShares.create().compute(s);
 *   System.out.println(r.toText());
 * }
 * }</pre>
 *
 * <p>A model without {@code downloadsAllTime} is counted as missing, never as 0; a snapshot without it at all (the
 * bundled sample) gives a table of missing models and says so. Immutable and thread-safe.
 */
public final class StudyShares {
  private final @Nullable OriginRegistry origins;
  private final StudyGroups groups;
  private final @Nullable Instant from;
  private final @Nullable Instant to;

  private StudyShares(@Nullable OriginRegistry origins, StudyGroups groups, @Nullable Instant from,
      @Nullable Instant to) {
    this.origins = origins;
    this.groups = groups;
    this.from = from;
    this.to = to;
  }

  /** The measure with the bundled origin registry and grouping, the window taken from the snapshots. */
  public static StudyShares create() {
    return new StudyShares(null, StudyGroups.bundled(), null, null);
  }

  /** The same measure, looking accounts up in {@code registry}. */
  public StudyShares origins(OriginRegistry registry) {
    return new StudyShares(Objects.requireNonNull(registry, "registry"), groups, from, to);
  }

  /** The same measure, grouping by {@code grouping}. */
  public StudyShares groups(StudyGroups grouping) {
    return new StudyShares(origins, Objects.requireNonNull(grouping, "grouping"), from, to);
  }

  /**
   * The same measure over models created in {@code [from, to)} rather than the window the snapshots give.
   *
   * @throws IllegalArgumentException unless {@code from} is before {@code to}
   */
  public StudyShares window(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) throw new IllegalArgumentException("the window needs from < to: " + from + ", " + to);
    return new StudyShares(origins, groups, from, to);
  }

  /**
   * The result: the window, how it was measured, and the two tables.
   *
   * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
   * whenever a figure is added.
   */
  public record Result(Instant from, Instant to, String method, ShareTable uploader, ShareTable base,
      List<String> warnings) {
    /** Made by hubshare: not part of the compatible API (see the record's comment). */
    public Result {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uploader, "uploader");
      Objects.requireNonNull(base, "base");
      warnings = List.copyOf(warnings);
    }

    /** Each group's share under both attributions, side by side, then the unknown row and the totals. */
    public String toText() {
      return StudyReport.text(this);
    }

    /** {@code group,uploader,uploaderShare,base,baseShare}, the unknown row last. */
    public String toCsv() {
      return StudyReport.csv(this);
    }

    /** {@code {from, to, method, metric, groups: [{group, uploader: {value, share, models}, base: {…}}], …}}. */
    public String toJson() {
      return StudyReport.json(this);
    }
  }

  /**
   * The measure from one snapshot read at T (its {@code completedAt}, else {@code startedAt}): models created in the
   * year before T, weighed by their all-time downloads at T.
   *
   * @throws MetricUnavailableException if models were created in the window but none has an all-time count
   * @throws IllegalStateException if the snapshot's time is unknown and no window was set
   * @throws UncheckedIOException if the file is damaged
   */
  public Result compute(Snapshot snapshot) {
    Instant end = to != null ? to : readAt(snapshot.header());
    Instant start = from != null ? from : end.atZone(ZoneOffset.UTC).minusYears(1).toInstant();
    Shares base = shares(start, end, Metric.DOWNLOADS_ALL_TIME);
    ShareTable uploader = base.compute(snapshot);
    ShareTable parent = base.attribution(Attribution.PARENT).compute(snapshot);
    return new Result(start, end, "downloadsAllTime at " + end + " of the models created in the year before",
        uploader, parent, warnings(uploader, snapshot.header()));
  }

  /**
   * The measure from two snapshots read at S &lt; T: models created in {@code [S, T)}, weighed by their downloads
   * between the two ({@link SnapshotDelta}).
   *
   * @throws MetricUnavailableException if models were created in the window but none has a known delta
   * @throws IllegalStateException if a snapshot's time is unknown
   * @throws IllegalArgumentException if the snapshots are of different hubs or not in time order
   * @throws IOException if a file is damaged
   */
  public Result compute(Snapshot older, Snapshot newer) throws IOException {
    Instant start = from != null ? from : older.header().requireStartedAt("the study's window");
    Instant end = to != null ? to : newer.header().requireStartedAt("the study's window");
    Shares base = shares(start, end, Metric.DOWNLOADS_BETWEEN);
    ShareTable uploader;
    ShareTable parent;
    try (SnapshotDelta delta = SnapshotDelta.of(older, newer)) {
      try (Stream<ModelDelta> d = delta.stream()) {
        uploader = base.computeBetween(d);
      }
      try (Stream<ModelDelta> d = delta.stream()) {
        parent = base.attribution(Attribution.PARENT).computeBetween(d);
      }
    }
    return new Result(start, end, "downloads between the snapshots at " + start + " and " + end
        + " (differences of downloadsAllTime) of the models created between them", uploader, parent,
        warnings(uploader, older.header(), newer.header()));
  }

  /**
   * What makes these figures unlike the study's, said loudly: a snapshot that is a sample or a filtered or capped
   * listing rather than the whole Hub, and a window in which no model was created.
   */
  static List<String> warnings(ShareTable t, SnapshotHeader... headers) {
    List<String> w = new ArrayList<>();
    for (SnapshotHeader h : headers) {
      String text = ((h.note() == null ? "" : h.note()) + " " + (h.source() == null ? "" : h.source()))
          .toLowerCase(Locale.ROOT);
      if (text.contains("sample")) {
        w.add("THESE FIGURES ARE NOT THE STUDY'S: the snapshot is a sample, not the whole Hub (" + h.count()
            + " models; its header: " + (h.note() == null ? h.source() : h.note()) + ")");
      } else if (h.limit() != null || !h.query().isEmpty()) {
        w.add("THESE FIGURES ARE NOT THE STUDY'S: the snapshot is a filtered or capped listing (" + (h.query().isEmpty()
            ? "limit " + h.limit() : h.query()) + "), not the whole Hub");
      }
    }
    // A window whose models all lack the counts never gets here: computing it failed with MetricUnavailableException.
    ShareTable.Counts c = t.counts();
    if (c.matched() == 0) {
      w.add("No model was created in the window: check the snapshot's date and the window");
    }
    return w;
  }

  private Shares shares(Instant start, Instant end, Metric metric) {
    Shares s = Shares.by(Dimension.STUDY_GROUP).metric(metric).studyGroups(groups).createdBetween(start, end);
    return origins == null ? s : s.origins(origins);
  }

  /** When a snapshot was read: the end of its listing when known, else its start. */
  static Instant readAt(SnapshotHeader h) {
    Instant started = h.requireStartedAt("the study's window");
    return h.completedAt() != null ? h.completedAt() : started;
  }

  @Override
  public String toString() {
    return "StudyShares[" + groups.groups().size() + " groups" + (from == null ? "" : ", " + from + " to " + to) + "]";
  }
}
