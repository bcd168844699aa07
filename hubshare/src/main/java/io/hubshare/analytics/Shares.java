package io.hubshare.analytics;

import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.SnapshotDelta;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Download shares over any stream of models: a live listing, a snapshot, or a list. Immutable: every setter
 * returns a copy, so one configured {@code Shares} can be reused over many snapshots.
 *
 * {@snippet :
 * // What share of the downloads of models created in the year to August 2025 (all-time counts: a listing with
 * // expand=downloadsAllTime) comes from each country, crediting every derivative to its lineage root's developer?
 * ShareTable t = Shares.by(Dimension.COUNTRY)
 *     .metric(Metric.DOWNLOADS_ALL_TIME)
 *     .attribution(Attribution.ROOT)
 *     .createdBetween(LocalDate.parse("2024-08-01"), LocalDate.parse("2025-08-01"))
 *     .compute(hub.models().list(query));
 * System.out.println(t.toText(10));
 * }
 *
 * <p>Defaults: metric {@link Metric#DOWNLOADS}, attribution {@link Attribution#UPLOADER}, no filter, the bundled
 * origin registry. A computation reads the models once and keeps only per-group sums; see
 * {@link ShareAccumulator} for what ROOT attribution adds.
 */
public final class Shares {
  private final Dimension dimension;
  private final Metric metric;
  private final Attribution attribution;
  private final ModelFilter filter;
  private final @Nullable Function<? super String, Origin> origins;
  private final @Nullable LineageIndex lineage;

  private Shares(Dimension dimension, Metric metric, Attribution attribution, ModelFilter filter,
      @Nullable Function<? super String, Origin> origins, @Nullable LineageIndex lineage) {
    this.dimension = dimension;
    this.metric = metric;
    this.attribution = attribution;
    this.filter = filter;
    this.origins = origins;
    this.lineage = lineage;
  }

  /** Shares grouped by {@code dimension}, with the defaults. */
  public static Shares by(Dimension dimension) {
    return new Shares(Objects.requireNonNull(dimension, "dimension"), Metric.DOWNLOADS, Attribution.UPLOADER,
        ModelFilter.NONE, null, null);
  }

  /** The same shares, adding up {@code metric}. */
  public Shares metric(Metric metric) {
    return new Shares(dimension, Objects.requireNonNull(metric, "metric"), attribution, filter, origins, lineage);
  }

  /** The same shares, crediting derivatives by {@code attribution}. */
  public Shares attribution(Attribution attribution) {
    return new Shares(dimension, metric, Objects.requireNonNull(attribution, "attribution"), filter, origins,
        lineage);
  }

  /** The same shares, looking accounts up in {@code registry} rather than the bundled one. */
  public Shares origins(OriginRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return origins((Function<String, Origin>) registry::of);
  }

  /**
   * The same shares, looking accounts up with {@code lookup}: any function from an account name to its origin,
   * returning {@link Origin#unknown(String)} (or {@code null}) for an account it does not know.
   */
  public Shares origins(Function<? super String, Origin> lookup) {
    return new Shares(dimension, metric, attribution, filter, Objects.requireNonNull(lookup, "lookup"), lineage);
  }

  /**
   * The same shares, resolving ROOT attribution with a prebuilt lineage index: two passes over a snapshot (one to
   * build the index, one to add up), each model credited as it streams past. Without it, ROOT builds the index
   * during the single pass and resolves roots at the end, which suits a stream that cannot be read twice.
   */
  public Shares lineage(LineageIndex index) {
    return new Shares(dimension, metric, attribution, filter, origins, Objects.requireNonNull(index, "index"));
  }

  /**
   * The same shares over models created in {@code [from, to)}: {@code from} included, {@code to} excluded. A model
   * without a creation time is left out (counted as seen, not matched).
   *
   * @throws IllegalArgumentException unless {@code from} is before {@code to}
   */
  public Shares createdBetween(Instant from, Instant to) {
    return withFilter(filter.createdBetween(from, to));
  }

  /** As {@link #createdBetween(Instant, Instant)}, from the start of {@code from} to the start of {@code to}, UTC. */
  public Shares createdBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return createdBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The same shares over models with this pipeline tag only ({@code text-generation}). */
  public Shares pipelineTag(String tag) {
    return withFilter(filter.pipelineTag(tag));
  }

  /** The same shares over models of this library only ({@code transformers}, {@code gguf}…). */
  public Shares library(String name) {
    return withFilter(filter.library(name));
  }

  /** The same shares over the models that also pass {@code predicate} (filters are AND-ed). */
  public Shares where(Predicate<? super Model> predicate) {
    return withFilter(filter.where(predicate));
  }

  private Shares withFilter(ModelFilter f) {
    return new Shares(dimension, metric, attribution, f, origins, lineage);
  }

  /** The grouping dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** The metric added up. */
  public Metric metric() {
    return metric;
  }

  /** The attribution of derivatives. */
  public Attribution attribution() {
    return attribution;
  }

  ModelFilter filter() {
    return filter;
  }

  /** A fresh accumulator to add models to one at a time. */
  public ShareAccumulator accumulator() {
    Function<? super String, Origin> lookup = origins;
    if (lookup == null && dimension.needsOrigins()) {
      OriginRegistry bundled = OriginRegistry.bundled();
      lookup = (Function<String, Origin>) bundled::of;
    }
    Function<? super String, Origin> none = Origin::unknown;
    return new ShareAccumulator(this, new Grouping(dimension, lookup == null ? none : lookup),
        attribution == Attribution.ROOT ? lineage : null);
  }

  /**
   * The shares over {@code models}, read once.
   *
   * @throws IllegalStateException for {@link Metric#DOWNLOADS_BETWEEN}: use {@link #computeBetween(Stream)}
   */
  public ShareTable compute(Iterable<? extends Model> models) {
    return accumulator().addAll(models).result();
  }

  /** The shares over {@code models}, read once; the stream is not closed. */
  public ShareTable compute(Stream<? extends Model> models) {
    ShareAccumulator acc = accumulator();
    Iterator<? extends Model> it = models.iterator();
    while (it.hasNext()) acc.add(it.next());
    return acc.result();
  }

  /**
   * The shares of {@link Metric#DOWNLOADS_BETWEEN} over the deltas of two snapshots, as
   * {@link SnapshotDelta#between(Path, Path)} streams them; a model whose delta is unknown counts as missing. The
   * stream is not closed.
   *
   * @throws IllegalStateException unless the metric is {@link Metric#DOWNLOADS_BETWEEN}
   */
  public ShareTable computeBetween(Stream<ModelDelta> deltas) {
    ShareAccumulator acc = accumulator();
    Iterator<ModelDelta> it = deltas.iterator();
    while (it.hasNext()) {
      ModelDelta d = it.next();
      acc.add(d.model(), d.downloadsBetween());
    }
    return acc.result();
  }

  /**
   * The same shares at every snapshot file, oldest first (the files may come in any order; each is read by its
   * header's {@code startedAt}). For {@link Metric#DOWNLOADS_BETWEEN}, one table per pair of consecutive snapshots,
   * dated by the newer one: the downloads of that window. For every other metric, one table per snapshot, each
   * standing alone (30-day counts of two snapshots overlap and are never added).
   *
   * <p>Each snapshot is streamed, one at a time. A prebuilt {@link #lineage(LineageIndex) lineage index}, if set,
   * serves every snapshot; leave it unset to resolve ROOT within each snapshot.
   *
   * @throws IllegalArgumentException if two files start at the same time, or fewer than two are given for
   *     {@link Metric#DOWNLOADS_BETWEEN}
   * @throws IOException if a file cannot be read or is not a snapshot
   */
  public ShareSeries series(List<Path> snapshots) throws IOException {
    return SnapshotSeries.of(this, snapshots);
  }

  @Override
  public String toString() {
    return "Shares[" + metric.wireName() + " by " + dimension.wireName() + ", "
        + attribution.name().toLowerCase(java.util.Locale.ROOT) + (filter.describe().isEmpty() ? "" : ", "
        + filter.describe()) + "]";
  }
}
