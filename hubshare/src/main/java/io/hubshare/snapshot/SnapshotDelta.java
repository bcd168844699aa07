package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Downloads between two snapshots: the only way to a window other than the hub's last 30 days or all time.
 *
 * <p>The rule, per model of the newer snapshot (ids compared ignoring case, as the Hub resolves them):
 * <ul>
 *   <li>present in both: {@code downloadsAllTime(newer) − downloadsAllTime(older)};
 *   <li>absent from the older one (or there under another creation time: deleted and created again) and created
 *       after the older snapshot started: its whole {@code downloadsAllTime}, since every download came after;
 *   <li>absent from the older one and created before it started: <b>unknown</b> ({@code null}), never 0 — the
 *       older listing may simply have missed it (a filter, a limit, a model made public later);
 *   <li>a snapshot without its all-time count, or a count that went down (the hub recounted): unknown.
 * </ul>
 * Models of the older snapshot missing from the newer one (deleted, made private) are not reported. A crawl writes
 * each repository once; an imported file that holds one under two casings of its id gets a delta per line.
 *
 * <p>Each snapshot reads its models over a span ({@code startedAt} to {@code completedAt}), so the window is
 * "from the older reading to the newer reading", each taken somewhere in its snapshot's span; for windows of weeks
 * the spans (hours) do not matter.
 *
 * <p>There is deliberately no way to add up {@code last30Days} ({@code downloads}) over snapshots: two readings
 * less than 30 days apart count the same downloads twice. Use all-time differences, as here.
 *
 * <pre>{@code
 * try (Stream<ModelDelta> d = SnapshotDelta.between(Path.of("hub-2026-07.jsonl.gz"), Path.of("hub-2026-08.jsonl.gz"))) {
 *   long august = d.filter(ModelDelta::isKnown).mapToLong(ModelDelta::downloadsBetween).sum();
 * }
 * }</pre>
 *
 * <p>Memory: the older snapshot is held as an index of id hashes and two numbers per model in primitive arrays
 * (about 50 to 100 MB for a million models); the newer one is streamed.
 */
public final class SnapshotDelta implements AutoCloseable {
  private final SnapshotHeader older;
  private final Instant olderStart;
  private final IdIndex index;
  private final Snapshot newer;
  private final boolean ownsNewer;

  private SnapshotDelta(SnapshotHeader older, IdIndex index, Snapshot newer, boolean ownsNewer) {
    this.older = older;
    this.olderStart = older.requireStartedAt("a delta between snapshots");
    this.index = index;
    this.newer = newer;
    this.ownsNewer = ownsNewer;
  }

  /** The fields the older snapshot is indexed by: a Parquet file reads only these columns. */
  private static final List<String> INDEXED = List.of("id", "createdAt", "downloadsAllTime");

  /**
   * Indexes {@code older} and opens {@code newer} for {@link #stream()}.
   *
   * @throws IllegalArgumentException if the snapshots are of different hubs, or {@code older} did not start before
   *     {@code newer} (arguments swapped?)
   * @throws SnapshotFormatException if either file is damaged (the message names the line)
   */
  public static SnapshotDelta open(Path older, Path newer) throws IOException {
    return open(older, newer, null);
  }

  /**
   * The deltas of every model of {@code newer}, in its order. Close the stream to release the files.
   *
   * @see #open(Path, Path)
   */
  public static Stream<ModelDelta> between(Path older, Path newer) throws IOException {
    SnapshotDelta delta = open(older, newer);
    return DescribedStream.of(delta.stream().onClose(delta::close), delta.describe());
  }

  static SnapshotDelta open(Path olderFile, Path newerFile, @Nullable Function<String, Model> parser)
      throws IOException {
    Objects.requireNonNull(olderFile, "older");
    Objects.requireNonNull(newerFile, "newer");
    try (Snapshot old = Snapshot.open(olderFile, null, parser)) {
      Snapshot newer = Snapshot.open(newerFile, null, parser);
      try {
        return new SnapshotDelta(old.header(), index(old, newer), newer, true);
      } catch (IOException | RuntimeException e) {
        newer.close();
        throw e;
      }
    }
  }

  /**
   * The deltas between two snapshots already open, such as files whose time was given when opening them
   * ({@link Snapshots#open(Path, Instant)}). Indexes {@code older} at once; {@link #stream()} then reads
   * {@code newer}. Closing the delta closes neither snapshot.
   *
   * @throws IllegalArgumentException if the snapshots are of different hubs, or {@code older} did not start before
   *     {@code newer}
   * @throws IllegalStateException if either snapshot's time is unknown
   * @throws SnapshotFormatException if the older file is damaged
   */
  public static SnapshotDelta of(Snapshot older, Snapshot newer) throws IOException {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    return new SnapshotDelta(older.header(), index(older, newer), newer, false);
  }

  private static IdIndex index(Snapshot old, Snapshot newer) throws IOException {
    check(old.header(), newer.header(), old.file(), newer.file());
    IdIndex index = new IdIndex();
    try (Stream<Model> models = old.stream(INDEXED)) {
      for (Iterator<Model> it = models.iterator(); it.hasNext(); ) {
        Model m = it.next();
        Long all = m.downloads().allTime();
        if (all != null && all < 0) all = null; // no count is negative: absent
        Instant created = m.createdAt();
        index.put(m.id(), all == null ? IdIndex.NONE : all, created == null ? IdIndex.NONE : created.getEpochSecond());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return index;
  }

  private static void check(SnapshotHeader older, SnapshotHeader newer, Path olderFile, Path newerFile) {
    if (!older.hub().equals(newer.hub())) {
      throw new IllegalArgumentException("snapshots of different hubs: " + olderFile + " holds " + older.hub() + ", "
          + newerFile + " holds " + newer.hub());
    }
    Instant olderStart = older.requireStartedAt("a delta between snapshots");
    Instant newerStart = newer.requireStartedAt("a delta between snapshots");
    if (!olderStart.isBefore(newerStart)) {
      throw new IllegalArgumentException("the older snapshot " + olderFile + " started at " + olderStart
          + ", not before the newer " + newerFile + " (" + newerStart + "): are the arguments swapped?");
    }
  }

  /** The older snapshot's header. */
  public SnapshotHeader older() {
    return older;
  }

  /** The newer snapshot's header. */
  public SnapshotHeader newer() {
    return newer.header();
  }

  /**
   * Each model of the newer snapshot with its downloads between the two, streamed from the newer file.
   *
   * @throws UncheckedIOException while streaming, wrapping a {@link SnapshotFormatException} naming a damaged line
   */
  public Stream<ModelDelta> stream() {
    return DescribedStream.of(newer.stream().map(this::delta), describe());
  }

  @Override
  public String toString() {
    return "SnapshotDelta[" + describe() + "]";
  }

  private String describe() {
    return "the downloads between " + older.startedAt() + " and " + newer.header().startedAt() + " of the "
        + newer.header().count() + " models of " + newer.file();
  }

  /** Releases the newer file, when this delta opened it. */
  @Override
  public void close() {
    if (ownsNewer) newer.close();
  }

  private ModelDelta delta(Model m) {
    Long now = m.downloads().allTime();
    if (now == null || now < 0) return new ModelDelta(m, null);
    int slot = index.find(m.id());
    long created = m.createdAt() == null ? IdIndex.NONE : m.createdAt().getEpochSecond();
    boolean sameRepository = slot >= 0
        && (index.created(slot) == IdIndex.NONE || created == IdIndex.NONE || index.created(slot) == created);
    if (sameRepository) {
      long before = index.allTime(slot);
      if (before == IdIndex.NONE || now < before) return new ModelDelta(m, null);
      return new ModelDelta(m, now - before);
    }
    boolean newSinceOlder = m.createdAt() != null && m.createdAt().isAfter(olderStart);
    return new ModelDelta(m, newSinceOlder ? now : null);
  }
}
