package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.hub.ModelQuery;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.analytics.MetricUnavailableException;
import io.hubshare.analytics.ShareSeries;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.analytics.StudyShares;
import io.hubshare.lineage.Attribution;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.SnapshotHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare shares --by DIMENSION}: what share of downloads (or likes, or models) each country,
 * organisation, family… holds, over the live Hub, one snapshot, or several (a time series).
 */
@Command(name = "shares",
    description = "Compute shares of downloads (or likes, or models) by country, region, organization, account, "
        + "kind of developer, family, relation, pipeline tag, library, size or license. Without --from, the Hub is "
        + "listed live; with one snapshot, its models are used; with several, one table per snapshot (a time "
        + "series). Whatever cannot be attributed is reported as unknown, never guessed.")
final class SharesCommand implements Callable<Integer> {
  /** The listing options that only make sense for a live listing. */
  private static final List<String> LIVE_ONLY = List.of("--sort", "--limit", "--page-size", "--expand", "--full");

  @ParentCommand
  private HubshareCommand root;

  @Spec
  private CommandSpec spec;

  @Option(names = "--by", paramLabel = "DIMENSION",
      converter = Converters.DimensionConverter.class, completionCandidates = Converters.Dimensions.class,
      description = "What to group by: ${COMPLETION-CANDIDATES} (organisation is accepted too).")
  private @Nullable Dimension by;

  @Option(names = "--study",
      description = "The study's measure instead of --by: downloads of the models created in the year before the "
          + "snapshot (or between two snapshots), in the study's 14 groups of developers, credited to the uploader "
          + "and to the base model's developer side by side. Needs --from with one or two snapshots.")
  private boolean study;

  @Option(names = "--at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
      description = "When the one --from file was read, for a file that does not say (JSON Lines without a "
          + "header, Parquet without a date in its path or metadata).")
  private @Nullable Instant at;

  @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "downloads",
      converter = Converters.MetricConverter.class, completionCandidates = Converters.Metrics.class,
      description = "What to add up: downloads (last 30 days, the default), downloads-all-time, likes, models, "
          + "or downloads-between two snapshots (--from OLD NEW).")
  private Metric metric;

  @Option(names = "--attribution", paramLabel = "A", defaultValue = "uploader",
      converter = Converters.AttributionConverter.class,
      description = "Whom a derivative counts for: uploader (the account that uploaded it, the default), root "
          + "(the developer of its lineage root) or parent (the developer of its base model).")
  private Attribution attribution;

  @Option(names = "--created-after", paramLabel = "DATE", converter = Converters.InstantConverter.class,
      description = "Only models created at or after DATE (2025-08-31, or an instant such as 2025-08-31T12:00:00Z).")
  private @Nullable Instant createdAfter;

  @Option(names = "--created-before", paramLabel = "DATE", converter = Converters.InstantConverter.class,
      description = "Only models created before DATE.")
  private @Nullable Instant createdBefore;

  @Option(names = "--library", paramLabel = "NAME", description = "Only models of this library (transformers).")
  private @Nullable String library;

  @Option(names = "--from", paramLabel = "SNAPSHOT", arity = "1..*",
      description = "Snapshots to read instead of the live Hub: hubshare snapshots, the list API's JSON Lines, or "
          + "Parquet files such as the Hub's public models.parquet (told apart by content); a directory stands for "
          + "its dated files. Several make a time series.")
  private List<Path> from = new ArrayList<>();

  @Option(names = "--across-hubs",
      description = "Read the --from snapshots as one population spread over several hubs (one snapshot per hub, "
          + "read within 7 days; two per hub for downloads-between), not as a time series. The metric must be one "
          + "every hub carries: Hugging Face's 30-day downloads and ModelScope's all-time ones are refused.")
  private boolean acrossHubs;

  @Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default: every row; the "
      + "chart draws 10).")
  private @Nullable Integer top;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(names = "--chart", paramLabel = "FILE.png",
      description = "Also draw the shares as a PNG: bars of the top keys, Other and Unknown; over several "
          + "snapshots, a line per key.")
  private @Nullable Path chart;

  @Option(names = "--chart-size", paramLabel = "WxH", defaultValue = "1000x600",
      converter = Converters.SizeConverter.class, description = "The chart's size in pixels (default: "
          + "${DEFAULT-VALUE}).")
  private ChartSize chartSize;

  @Option(names = "--origins", paramLabel = "FILE",
      description = "Extra origins, a CSV file in the format of the bundled origins.csv; its entries win.")
  private @Nullable Path originsFile;

  @Mixin
  private QueryOptions query;

  @Mixin
  private HubOptions hub;

  @Override
  public Integer call() throws IOException {
    files = SnapshotFiles.expand(from);
    validate();
    Output out = Output.of(spec);
    if (study) return study(out);
    Shares shares = configure();
    ShareReport report = new ShareReport(format, top);
    if (from.isEmpty()) {
      Instant listed = Instant.now();
      ShareTable table = live(shares);
      report.print(out, table);
      if (chart != null) {
        String source = "live listing of " + (hub.endpoint != null ? hub.endpoint : "the hub");
        chart(() -> report.chart(chart, table, ChartCaption.table(source, metric, listed, null, table.filters()),
            chartSize));
      }
      return ExitCodes.OK;
    }
    if (acrossHubs) {
      ShareTable table = acrossHubs(shares);
      report.print(out, table);
      if (chart != null) {
        List<Instant> times = times();
        String caption = ChartCaption.table(files.size() + " snapshots across hubs", metric, times.get(0),
            times.get(times.size() - 1), table.filters());
        chart(() -> report.chart(chart, table, caption, chartSize));
      }
      return ExitCodes.OK;
    }
    if (files.size() == 1) {
      ShareTable table = snapshot(shares, files.get(0));
      report.print(out, table);
      if (chart != null) {
        SnapshotHeader h = header(files.get(0));
        String caption = ChartCaption.table(files.get(0).getFileName().toString(), metric, h.startedAt(),
            h.completedAt(), table.filters());
        chart(() -> report.chart(chart, table, caption, chartSize));
      }
      return ExitCodes.OK;
    }
    List<String> names = names();
    ShareSeries series = shares.series(files);
    List<Instant> times = times();
    if (series.points().size() == 1) {
      // Downloads between two snapshots: one window, one table.
      ShareTable table = series.points().get(0).table();
      report.print(out, table);
      if (chart != null) {
        String caption = ChartCaption.between(times.get(0), times.get(1), table.filters());
        chart(() -> report.chart(chart, table, caption, chartSize));
      }
    } else {
      report.print(out, series, names);
      if (chart != null) {
        String caption = ChartCaption.series(files.size(), metric, times.get(0), times.get(times.size() - 1),
            series.points().get(0).table().filters());
        chart(() -> report.chart(chart, series, caption, chartSize));
      }
    }
    return ExitCodes.OK;
  }

  /** Something that draws a chart to a file. */
  private interface Drawing {
    void draw() throws IOException;
  }

  /** Draws the chart and says where it went, on stderr with the other messages. */
  private void chart(Drawing drawing) throws IOException {
    drawing.draw();
    spec.commandLine().getErr().println("chart: wrote " + chart + " (" + chartSize.width() + "x" + chartSize.height()
        + ")");
    spec.commandLine().getErr().flush();
  }

  /** The header of one snapshot, its time given by {@code --at} if it states none. */
  private SnapshotHeader header(Path file) throws IOException {
    try (Snapshot s = SnapshotFiles.open(file, at)) {
      return s.header();
    }
  }

  /** When each snapshot was taken, oldest first (for a chart's caption; the series checked them already). */
  private List<Instant> times() throws IOException {
    List<Instant> times = new ArrayList<>();
    for (Path f : files) {
      try (Snapshot s = SnapshotFiles.open(f)) {
        times.add(s.header().requireStartedAt("a chart of several snapshots"));
      }
    }
    times.sort(null);
    return times;
  }

  /** The snapshot files: {@code --from} with each directory replaced by its dated files. */
  private List<Path> files = List.of();

  private void validate() {
    // Before anything is computed or printed: a chart that cannot be written must not cost a whole run.
    if (chart != null) ChartCaption.checkWritable(chart);
    if (by == null && !study) throw CliFailure.usage("--by DIMENSION is required (or --study)");
    if (by != null && study) throw CliFailure.usage("--study groups by the study's groups: leave out --by");
    if (study) {
      if (files.isEmpty() || files.size() > 2) {
        throw CliFailure.usage("--study needs --from with one snapshot (the year before it) or two (the window "
            + "between them), not " + files.size());
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--metric")
          || spec.commandLine().getParseResult().hasMatchedOption("--attribution")) {
        throw CliFailure.usage("--study sets its own metric and shows both attributions: leave out --metric and "
            + "--attribution");
      }
    }
    if (at != null && files.size() != 1) {
      throw CliFailure.usage("--at gives the time of one --from file, not of " + files.size());
    }
    if (!from.isEmpty() && hub.endpoint != null) {
      throw CliFailure.usage("--from and --endpoint cannot be combined: shares come from snapshots or the Hub");
    }
    if (!from.isEmpty()) {
      for (String option : LIVE_ONLY) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw CliFailure.usage(option + " applies to a live listing, not to --from snapshots");
        }
      }
    }
    if (acrossHubs && files.size() < 2) {
      throw CliFailure.usage("--across-hubs needs a snapshot of each hub: --from HUB1.jsonl.gz --from HUB2.jsonl.gz");
    }
    if (metric == Metric.DOWNLOADS_BETWEEN && files.size() < 2) {
      throw CliFailure.usage("--metric downloads-between needs two snapshots or more: --from OLDER NEWER");
    }
    if (top != null && top < 1) throw CliFailure.usage("--top must be at least 1: " + top);
    if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
      throw CliFailure.usage("--created-after must be before --created-before: " + createdAfter + " is not before "
          + createdBefore);
    }
  }

  private Shares configure() throws IOException {
    Shares s = Shares.by(Objects.requireNonNull(by, "by")).metric(metric).attribution(attribution)
        .origins(Registries.load(originsFile));
    if (createdAfter != null || createdBefore != null) {
      // The window is [after, before); an open end is bounded by the day after the data was read: no model in it
      // can be younger, and a whole day reads better in the table's filters than an instant.
      Instant end = createdBefore != null ? createdBefore
          : latestReading().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      s = s.createdBetween(createdAfter != null ? createdAfter : Instant.EPOCH, end);
    }
    if (query.pipelineTag != null) s = s.pipelineTag(query.pipelineTag);
    if (library != null) s = s.library(library);
    if (!from.isEmpty()) s = withLocalFilters(s);
    return s;
  }

  /** In a snapshot, the listing filters are applied to the stored models, as the Hub would have. */
  private Shares withLocalFilters(Shares s) {
    Shares f = s;
    if (query.author != null) {
      String author = query.author;
      f = f.where(m -> author.equalsIgnoreCase(m.author() != null ? m.author() : m.owner()));
    }
    if (query.search != null) {
      String text = query.search.toLowerCase(Locale.ROOT);
      f = f.where(m -> m.id().toLowerCase(Locale.ROOT).contains(text));
    }
    for (String tag : query.filters) f = f.where(m -> m.tags().contains(tag));
    return f;
  }

  /** When the data was read: now for a live listing, else the end of the latest snapshot. */
  private Instant latestReading() throws IOException {
    if (from.isEmpty()) return Instant.now();
    Instant latest = Instant.EPOCH;
    for (Path f : files) {
      try (Snapshot s = SnapshotFiles.open(f, at)) {
        Instant started = s.header().requireStartedAt("--created-after without --created-before");
        Instant read = s.header().completedAt() != null ? s.header().completedAt() : started;
        if (read.isAfter(latest)) latest = read;
      }
    }
    return latest;
  }

  private ShareTable snapshot(Shares shares, Path file) throws IOException {
    try (Snapshot snapshot = SnapshotFiles.open(file, at)) {
      describe(snapshot);
      // A hubshare snapshot is read once, on every core where the computation allows (or answered by its columnar
      // companion); only the columns the table needs are read from a Parquet file (docs/performance.md).
      return shares.compute(snapshot);
    } catch (MetricUnavailableException e) {
      throw e.from(file.toString());
    }
  }

  /** Says on stderr what a file without a hubshare header is and where its time came from. */
  private void describe(Snapshot snapshot) {
    if (snapshot.format() != SnapshotFormat.HUBSHARE) {
      spec.commandLine().getErr().println("snapshot: " + snapshot.describe());
      spec.commandLine().getErr().flush();
    }
  }

  /** {@code --study}: both attributions side by side, with the warnings loud on stderr too. */
  private int study(Output out) throws IOException {
    OriginRegistry registry = Registries.load(originsFile);
    StudyShares measure = StudyShares.create().origins(registry);
    if (createdAfter != null || createdBefore != null) {
      if (createdAfter == null || createdBefore == null) {
        throw CliFailure.usage("--study takes the window from the snapshots, or both --created-after and "
            + "--created-before");
      }
      measure = measure.window(createdAfter, createdBefore);
    }
    StudyShares.Result r;
    try (Snapshot first = SnapshotFiles.open(files.get(0), at)) {
      describe(first);
      if (files.size() == 1) {
        r = measure.compute(first);
      } else {
        try (Snapshot second = SnapshotFiles.open(files.get(1), null)) {
          describe(second);
          r = measure.compute(first, second);
        }
      }
    } catch (MetricUnavailableException e) {
      String of = files.size() == 1 ? files.get(0).toString() : files.get(0) + " and " + files.get(1);
      throw CliFailure.usage("--study weighs models by their all-time downloads, and none of the "
          + Numbers.grouped(e.models()) + " models of " + of + " created in the window has " + (files.size() == 1
          ? "an all-time count" : "a known difference of all-time counts") + ": they come with a snapshot made by "
          + "'hubshare crawl' (it asks for downloadsAllTime by default) or a Parquet snapshot of the Hub's statistics");
    }
    for (String w : r.warnings()) spec.commandLine().getErr().println("warning: " + w);
    spec.commandLine().getErr().flush();
    switch (format) {
      case CSV: out.print(r.toCsv()); break;
      case JSON: out.print(r.toJson()); break;
      default: out.print(r.toText());
    }
    return ExitCodes.OK;
  }

  private ShareTable acrossHubs(Shares shares) throws IOException {
    try {
      return shares.computeAcrossHubs(files);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
  }

  private ShareTable live(Shares shares) {
    ModelQuery q = query.toQuery(spec, fieldsNeeded());
    AtomicLong read = new AtomicLong();
    try (HubClient client = hub.client(root.context());
        Progress progress = Progress.of(root.context(), spec.commandLine().getErr(), "Shares", "models")) {
      ShareTable table;
      try {
        // The listing itself, not a stream of it: the library then reads it ahead, a few fields per model.
        table = shares.compute(client.models().list(q), n -> {
          read.set(n);
          progress.update(n, q.limit(), null);
        });
      } catch (MetricUnavailableException e) {
        throw e.from("the listing of " + client.endpoint());
      }
      progress.finish("shares: " + Numbers.grouped(read.get()) + " models listed from " + client.endpoint());
      return table;
    }
  }

  /**
   * The fields the listing must return for this computation, and no more: the author, the metric's counter, and what
   * the dimension, attribution and filters read: the creation time for a window of creation, the tags (base-model
   * links, licence tags) and the card for an attribution to bases or a dimension read from them, the task, library or
   * size for the dimension or a filter. Every other field would be sent, and read, for nothing.
   */
  List<String> fieldsNeeded() {
    Set<String> f = new LinkedHashSet<>(List.of("author"));
    if (createdAfter != null || createdBefore != null) f.add("createdAt");
    boolean links = attribution != Attribution.UPLOADER || by == Dimension.LICENSE || by == Dimension.RELATION
        || by == Dimension.FAMILY;
    if (links) f.add("tags");
    switch (metric) {
      case DOWNLOADS: f.add("downloads"); break;
      case DOWNLOADS_ALL_TIME: f.add("downloadsAllTime"); break;
      case LIKES: f.add("likes"); break;
      default: break;
    }
    switch (by) {
      case PIPELINE_TAG: f.add("pipeline_tag"); break;
      case LIBRARY: f.add("library_name"); break;
      case SIZE: f.add("safetensors"); f.add("gguf"); break;
      case LICENSE: case RELATION: case FAMILY: f.add("cardData"); break;
      default: break;
    }
    if (attribution != Attribution.UPLOADER) f.add("cardData"); // base_model_relation and the card's bases
    if (query.pipelineTag != null) f.add("pipeline_tag");
    if (library != null) f.add("library_name");
    return List.copyOf(f);
  }

  /**
   * What to call each point of the series, oldest first: its snapshot file, or the two files of a window between
   * snapshots. Reads the headers only.
   *
   * @throws CliFailure (exit 2) if two files were taken at the same time (the same file twice, say)
   */
  private List<String> names() throws IOException {
    List<Snapshot> opened = new ArrayList<>();
    List<String> byTime = new ArrayList<>();
    try {
      for (Path f : files) opened.add(SnapshotFiles.open(f));
      for (Snapshot s : opened) s.header().requireStartedAt("a series of snapshots");
      opened.sort((a, b) -> a.header().requireStartedAt("").compareTo(b.header().requireStartedAt("")));
      for (int i = 0; i < opened.size(); i++) {
        Snapshot s = opened.get(i);
        Instant t = s.header().requireStartedAt("a series of snapshots");
        if (i > 0 && t.equals(opened.get(i - 1).header().startedAt())) {
          throw CliFailure.usage("snapshots " + opened.get(i - 1).file() + " and " + s.file() + " both start at "
              + t + ": a series needs snapshots taken at different times");
        }
        byTime.add(s.file().getFileName() + " (" + t + ")");
      }
    } finally {
      for (Snapshot s : opened) s.close();
    }
    if (metric != Metric.DOWNLOADS_BETWEEN) return byTime;
    List<String> windows = new ArrayList<>();
    for (int i = 1; i < byTime.size(); i++) windows.add("between " + byTime.get(i - 1) + " and " + byTime.get(i));
    return windows;
  }
}
