package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.hub.PagedIterable;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.SnapshotDelta;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Download shares over any stream of models: a live listing, a snapshot, or a list. Immutable: every setter
 * returns a copy, so one configured {@code Shares} can be reused over many snapshots.
 *
 * <pre>{@code
 * // What share of the downloads of models created in the year to August 2025 (all-time counts: a listing with
 * // expand=downloadsAllTime) comes from each country, crediting every derivative to its lineage root's developer?
 * ShareTable t = Shares.by(Dimension.COUNTRY)
 *     .metric(Metric.DOWNLOADS_ALL_TIME)
 *     .attribution(Attribution.ROOT)
 *     .createdBetween(LocalDate.parse("2024-08-01"), LocalDate.parse("2025-08-01"))
 *     .compute(hub.models().list(query));
 * System.out.println(t.toText(10));
 * }</pre>
 *
 * <p>Defaults: metric {@link Metric#DOWNLOADS}, attribution {@link Attribution#UPLOADER}, no filter, the bundled
 * origin registry. A computation reads the models once and keeps only per-group sums; see
 * {@link ShareAccumulator} for what ROOT attribution adds.
 */
public final class Shares {
  private static final StudyGroups EMPTY_GROUPS;

  static {
    try {
      EMPTY_GROUPS = StudyGroups.parse(new java.io.StringReader("key,group\n"), "none");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final Dimension dimension;
  private final Metric metric;
  private final Attribution attribution;
  private final ModelFilter filter;
  private final @Nullable OriginLookup origins;
  private final @Nullable LineageIndex lineage;
  private final @Nullable StudyGroups studyGroups;

  private Shares(Dimension dimension, Metric metric, Attribution attribution, ModelFilter filter,
      @Nullable OriginLookup origins, @Nullable LineageIndex lineage, @Nullable StudyGroups studyGroups) {
    this.dimension = dimension;
    this.metric = metric;
    this.attribution = attribution;
    this.filter = filter;
    this.origins = origins;
    this.lineage = lineage;
    this.studyGroups = studyGroups;
  }

  /** Shares grouped by {@code dimension}, with the defaults. */
  public static Shares by(Dimension dimension) {
    return new Shares(Objects.requireNonNull(dimension, "dimension"), Metric.DOWNLOADS, Attribution.UPLOADER,
        ModelFilter.NONE, null, null, null);
  }

  /** The same shares, adding up {@code metric}. */
  public Shares metric(Metric metric) {
    return new Shares(dimension, Objects.requireNonNull(metric, "metric"), attribution, filter, origins, lineage,
        studyGroups);
  }

  /** The same shares, crediting derivatives by {@code attribution}. */
  public Shares attribution(Attribution attribution) {
    return new Shares(dimension, metric, Objects.requireNonNull(attribution, "attribution"), filter, origins,
        lineage, studyGroups);
  }

  /** The same shares, looking accounts up in {@code registry} rather than the bundled one. */
  public Shares origins(OriginRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new Shares(dimension, metric, attribution, filter, new RegistryLookup(registry), lineage, studyGroups);
  }

  /** A registry's lookup, kept so that the study's grouping can also ask it which accounts were reviewed. */
  private static final class RegistryLookup implements OriginLookup {
    private final OriginRegistry registry;
    private final OriginLookup lookup;

    RegistryLookup(OriginRegistry registry) {
      this.registry = registry;
      this.lookup = OriginLookup.of(registry);
    }

    @Override
    public @Nullable Origin find(@Nullable Hub hub, String account, boolean self, Collection<Hub> population) {
      return lookup.find(hub, account, self, population);
    }

    /**
     * For the study's grouping only: an account the registry does not place but reviewed as an individual's
     * ({@code unattributed.csv}: "individual account; no documented country") is a user, whatever its country.
     */
    OriginLookup withReviewedIndividuals() {
      return (hub, account, self, population) -> {
        Origin o = lookup.find(hub, account, self, population);
        if (o != null && o.isKnown()) return o;
        String reason = hub == null ? registry.unattributedReason(account) : registry.unattributedReason(hub, account);
        if (reason == null || !reason.startsWith("individual")) return o;
        return new Origin(account, null, null, Origin.UNKNOWN_REGION, DeveloperKind.INDIVIDUAL,
            "reviewed and left without a country: " + reason);
      };
    }
  }

  /**
   * The same shares, looking accounts up with {@code lookup}: any function from an account name to its origin,
   * returning {@link Origin#unknown(String)} (or {@code null}) for an account it does not know.
   */
  public Shares origins(Function<? super String, Origin> lookup) {
    return new Shares(dimension, metric, attribution, filter, OriginLookup.of(Objects.requireNonNull(lookup, "lookup")),
        lineage, studyGroups);
  }

  /**
   * The same shares, resolving ROOT attribution with a prebuilt lineage index: two passes over a snapshot (one to
   * build the index, one to add up), each model credited as it streams past. Without it, ROOT builds the index
   * during the single pass and resolves roots at the end, which suits a stream that cannot be read twice.
   */
  public Shares lineage(LineageIndex index) {
    return new Shares(dimension, metric, attribution, filter, origins, Objects.requireNonNull(index, "index"),
        studyGroups);
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
    return new Shares(dimension, metric, attribution, f, origins, lineage, studyGroups);
  }

  /** The same shares, grouping {@link Dimension#STUDY_GROUP} by {@code groups} rather than the bundled grouping. */
  public Shares studyGroups(StudyGroups groups) {
    return new Shares(dimension, metric, attribution, filter, origins, lineage,
        Objects.requireNonNull(groups, "groups"));
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

  /**
   * The list API's fields this computation reads: the metric's counter, what the dimension, the attribution and the
   * filters look at, the author and the id. A listing asks for them ({@code expand}); a Parquet snapshot reads only
   * these columns ({@link #compute(Snapshot)}). A {@link #where(Predicate) predicate} may look at anything, so with
   * one every field is read ({@link Snapshot#FIELDS}).
   */
  public List<String> fields() {
    if (filter.hasPredicates()) return Snapshot.FIELDS;
    Set<String> f = new LinkedHashSet<>(List.of("id", "author"));
    switch (metric) {
      case DOWNLOADS: f.add("downloads"); break;
      case DOWNLOADS_ALL_TIME: f.add("downloadsAllTime"); break;
      case DOWNLOADS_BETWEEN: f.add("downloadsAllTime"); f.add("createdAt"); break;
      case LIKES: f.add("likes"); break;
      default: break;
    }
    boolean links = dimension == Dimension.RELATION
        || (dimension.isCredited() && attribution != Attribution.UPLOADER);
    if (links) f.addAll(List.of("tags", "baseModels", "cardData", "library_name"));
    switch (dimension) {
      case PIPELINE_TAG: f.add("pipeline_tag"); break;
      case LIBRARY: f.add("library_name"); break;
      case SIZE: f.add("safetensors"); f.add("gguf"); break;
      case LICENSE: f.add("cardData"); f.add("tags"); break;
      default: break;
    }
    f.addAll(filter.fields());
    return List.copyOf(f);
  }

  /**
   * The shares over a snapshot, read as fast as its format and the computation allow, always with the same table:
   *
   * <ul>
   *   <li>a hubshare snapshot with a current {@link ShareColumns columnar companion} that holds what the computation
   *       needs is answered from the companion, without inflating the snapshot;
   *   <li>else a hubshare snapshot is read once by a fast path where the computation allows (an intrinsic metric; a
   *       credited dimension, {@link Dimension#PIPELINE_TAG} or {@link Dimension#LIBRARY}; no {@link #where}
   *       predicate): inflated on every core, one streaming parser reading only the fields needed; ROOT attribution
   *       in one pass (the compact link index and one sum per parent id);
   *   <li>otherwise its models are streamed, reading only {@link #fields()} where the format allows (a Parquet file
   *       reads those columns only); under ROOT attribution without a prebuilt {@link #lineage(LineageIndex)
   *       index}, two passes: one builds the index, one adds up, so memory holds the compact link index, not the
   *       models.
   * </ul>
   *
   * @throws java.io.UncheckedIOException if the file is damaged (its cause names the line or row)
   */
  public ShareTable compute(Snapshot snapshot) {
    if (snapshot.format() == SnapshotFormat.HUBSHARE) {
      ShareTable columns = ShareColumns.compute(this, snapshot);
      if (columns != null) return columns;
    }
    try {
      ShareTable fast = FastPath.compute(this, snapshot);
      if (fast != null) return fast;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> read = fields();
    Shares s = this;
    if (attribution == Attribution.ROOT && lineage == null && dimension.isCredited()) {
      LineageIndex.Builder links = LineageIndex.builder();
      try (Stream<Model> models = snapshot.stream(read)) {
        models.forEach(links::add);
      }
      s = lineage(links.build());
    }
    try (Stream<Model> models = snapshot.stream(read)) {
      return s.compute(models);
    }
  }

  /** A fresh accumulator to add models to one at a time. */
  public ShareAccumulator accumulator() {
    return new ShareAccumulator(this, grouping(), attribution == Attribution.ROOT ? lineage : null);
  }

  /** How this computation keys a model: the dimension with its origin lookup and study groups. */
  Grouping grouping() {
    OriginLookup lookup = origins;
    if (lookup == null && dimension.needsOrigins()) lookup = new RegistryLookup(OriginRegistry.bundled());
    if (dimension == Dimension.STUDY_GROUP && lookup instanceof RegistryLookup r) lookup = r.withReviewedIndividuals();
    OriginLookup none = (hub, account, self, population) -> null;
    StudyGroups groups = studyGroups != null ? studyGroups
        : dimension == Dimension.STUDY_GROUP ? StudyGroups.bundled() : EMPTY_GROUPS;
    return new Grouping(dimension, lookup == null ? none : lookup, groups);
  }

  /** Whether ROOT attribution is resolved with a lineage index given by the caller. */
  boolean hasPrebuiltLineage() {
    return attribution == Attribution.ROOT && lineage != null;
  }

  /**
   * The shares over {@code models}, read once.
   *
   * <p>A live listing made by hubshare ({@code hub.models().list(query)}) is read by the library itself where the
   * computation allows (an intrinsic metric; a credited dimension, {@link Dimension#PIPELINE_TAG} or
   * {@link Dimension#LIBRARY}; no {@link #where} predicate): each page's body is parsed for the fields the computation
   * needs and no {@link Model} is built, and the next page is requested as soon as the current one's headers name
   * it, while its body is read and parsed (one page ahead at most; cancelled once it is not needed). The table is
   * the one iterating the listing gives: the same models, each repository once, the same failures. Otherwise, and
   * for any other iterable, its models are iterated.
   *
   * @throws MetricUnavailableException if models matched but none carries the metric (all-time downloads over a
   *     listing made without them, say)
   * @throws IllegalStateException for {@link Metric#DOWNLOADS_BETWEEN}: use {@link #computeBetween(Stream)}
   */
  public ShareTable compute(Iterable<? extends Model> models) {
    ShareTable fast = LivePath.compute(this, models, n -> {});
    return fast != null ? fast : accumulator().addAll(models).result();
  }

  /**
   * The shares over a live listing, as {@link #compute(Iterable)}, telling {@code progress} how many models were read
   * so far, from time to time: after each page where the library reads the listing itself, else every 1,000 models;
   * and once at the end. It is called on the calling thread.
   *
   * <pre>{@code
   * ShareTable t = Shares.by(Dimension.ACCOUNT)
   *     .compute(hub.models().list(query), n -> System.err.print("\r" + n + " models"));
   * }</pre>
   *
   * @throws MetricUnavailableException if models matched but none carries the metric
   */
  public ShareTable compute(PagedIterable<? extends Model> listing, LongConsumer progress) {
    Objects.requireNonNull(progress, "progress");
    long[] last = {0};
    ShareTable fast = LivePath.compute(this, listing, n -> {
      last[0] = n;
      progress.accept(n);
    });
    if (fast != null) {
      progress.accept(last[0]);
      return fast;
    }
    ShareAccumulator acc = accumulator();
    long n = 0;
    for (Model m : listing) {
      acc.add(m);
      if (++n % 1000 == 0) progress.accept(n);
    }
    progress.accept(n);
    return acc.result();
  }

  /**
   * The shares over {@code models}, read once; the stream is not closed.
   *
   * @throws MetricUnavailableException if models matched but none carries the metric
   */
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
   * @throws MetricUnavailableException if no delta is known (the snapshots hold no all-time counts, say)
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
   * The shares of one population spread over several hubs: one snapshot per hub, read at the same moment (within
   * seven days), or for {@link Metric#DOWNLOADS_BETWEEN} two per hub bracketing the same window. Models keep their
   * hub ({@link Dimension#HUB} gives each hub's share); accounts are looked up in the origin registry on their own
   * hub, and under ROOT attribution the lineage spans the hubs, so a ModelScope model whose base names a Hugging
   * Face model is credited to that model's developer.
   *
   * <pre>{@code
   * ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS_ALL_TIME)
   *     .computeAcrossHubs(List.of(Path.of("hf-2026-08-01.jsonl.gz"), Path.of("ms-2026-08-01.jsonl.gz")));
   * }</pre>
   *
   * @throws IllegalArgumentException if a hub of the population gives no value of the metric (Hugging Face's 30-day
   *     downloads beside ModelScope's all-time ones, say), naming what would be comparable; if a hub has more or fewer
   *     snapshots than one (two for downloads between); or if the hubs' snapshots are more than seven days apart
   * @throws IOException if a file cannot be read or is not a snapshot
   */
  public ShareTable computeAcrossHubs(List<Path> snapshots) throws IOException {
    return CrossHubShares.compute(this, List.copyOf(snapshots));
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
   * @throws MetricUnavailableException naming the snapshot (or the two) whose models carry no value of the metric
   * @throws IOException if a file cannot be read or is not a snapshot
   */
  public ShareSeries series(List<Path> snapshots) throws IOException {
    return SnapshotSeries.of(this, snapshots);
  }

  @Override
  public String toString() {
    return "Shares[" + metric.key() + " by " + dimension.key() + ", "
        + attribution.name().toLowerCase(java.util.Locale.ROOT) + (filter.describe().isEmpty() ? "" : ", "
        + filter.describe()) + "]";
  }
}
