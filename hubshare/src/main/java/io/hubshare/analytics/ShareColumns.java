package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.internal.gzip.ParallelGunzip;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import io.hubshare.snapshot.SnapshotFormatException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A compact columnar companion of a snapshot file, {@code F.cols} beside {@code F}: what share tables read of each
 * model (its account, the counters, the creation time, pipeline tag and library, and the primary parent with the
 * root of its lineage), as fixed-width columns and string tables. Written once ({@link #write}, or
 * {@code hubshare index F}); afterwards {@link Shares#compute(Snapshot)} answers from it without inflating the
 * snapshot again, with the same table to the unit.
 *
 * <p><b>Checked before use.</b> The companion records the snapshot's size, its modification time and the SHA-256 of
 * its header line; a companion that does not match the snapshot beside it (the snapshot was replaced, appended to,
 * copied without it…) is ignored and the snapshot is read. Nothing is written unasked: a companion is some 45 bytes
 * per model, which a user should choose to spend.
 *
 * <p><b>What it serves:</b> the intrinsic metrics; every credited dimension but {@link Dimension#FAMILY} (which keys
 * by model id) and {@link Dimension#PIPELINE_TAG}, {@link Dimension#LIBRARY}; every attribution (ROOT as in one
 * pass over the snapshot: the roots are those of the lineage of every model); the created-between, pipeline-tag and
 * library filters. Anything else reads the snapshot.
 *
 * <p>Format (big-endian): the 8 bytes {@code HUBSHCOL}, a version, the snapshot's size, modification time (ms) and
 * header hash, the header's model count, the models kept (a repository whose id repeats one read before, ignoring
 * case, counts once, at its first record, as {@link Snapshot#stream()} counts it), the offsets of the sections; then
 * per model kept, in the snapshot's order, an account
 * reference ({@code int}, -1 for none), a primary-parent reference ({@code int}, -1 for an original), three counters
 * ({@code long}), the creation time (seconds {@code long}, nanoseconds {@code int}), pipeline tag and library
 * references ({@code int}) and a byte of presence flags; then the string tables (accounts; parents with their roots;
 * pipeline tags; libraries), each string as its UTF-8 length ({@code int}) and bytes.
 */
public final class ShareColumns {
  private static final byte[] MAGIC = "HUBSHCOL".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 2;
  private static final String SUFFIX = ".cols";
  private static final int HAS_DOWNLOADS = 1;
  private static final int HAS_ALL_TIME = 2;
  private static final int HAS_LIKES = 4;
  private static final int HAS_CREATED = 8;
  /** Fixed header: magic, version + pad, size, mtime, hash, the header's count, models kept, 10 section offsets. */
  private static final int HEADER = 8 + 8 + 8 + 8 + 32 + 8 + 8 + 10 * 8;

  private ShareColumns() {}

  /** Where the companion of {@code snapshot} lives: {@code F.cols} beside {@code F}. */
  public static Path companionOf(Path snapshot) {
    Path name = Objects.requireNonNull(snapshot.getFileName(), "snapshot must name a file");
    return snapshot.resolveSibling(name + SUFFIX);
  }

  /**
   * Whether the companion of {@code snapshot} exists and matches it (size, modification time, header hash, count).
   *
   * @throws IOException if the snapshot cannot be read
   */
  public static boolean isCurrent(Snapshot snapshot) throws IOException {
    Path c = companionOf(snapshot.file());
    if (!Files.isRegularFile(c)) return false;
    try (FileChannel ch = FileChannel.open(c, StandardOpenOption.READ)) {
      return matches(ch, snapshot);
    }
  }

  /**
   * Writes the companion of {@code snapshot} beside it, replacing any older one atomically. Reads the snapshot once
   * (the fast path: every core, only the fields stored); holds the columns in memory while writing, about 45 bytes
   * per model, plus the lineage index.
   *
   * @return the companion's path
   * @throws IOException if the snapshot cannot be read (a damaged file: a {@link SnapshotFormatException} naming the
   *     line) or the companion cannot be written
   * @throws IllegalArgumentException if the snapshot's hub has no field reader
   */
  public static Path write(Snapshot snapshot) throws IOException {
    Path file = snapshot.file();
    if (snapshot.format() != SnapshotFormat.HUBSHARE) {
      throw new IllegalArgumentException(file + " is a " + snapshot.format().label() + ", not a hubshare snapshot: "
          + "only hubshare snapshots have a columnar companion");
    }
    HubProtocol protocol = protocolOf(snapshot.header().hub());
    long size = Files.size(file);
    long mtime = Files.getLastModifiedTime(file).toMillis();
    byte[] hash = headerHash(file);
    int n = Math.toIntExact(snapshot.header().count());
    Columns cols = new Columns(n);
    // Each repository is counted once, at its first record, as Snapshot.stream() counts it.
    SeenIds seen = new SeenIds(n);
    int kept = 0;
    LineageIndex.Builder lineage = LineageIndex.builder();
    StoredFields.Request all = new StoredFields.Request(true, true, true, true, true, true, true);
    long read = 0;
    try (InputStream in = ParallelGunzip.openInflatedOrPlain(file, Runtime.getRuntime().availableProcessors());
        StoredFields.Reader reader = protocol == null ? null : protocol.storedFields(in, all, true)) {
      if (reader == null) {
        throw new IllegalArgumentException("snapshots of the hub '" + snapshot.header().hub() + "' have no columns");
      }
      StoredFields f = new StoredFields();
      while (reader.next(f)) {
        if (read == n) {
          read = -1; // more models than the header announces
          break;
        }
        read++;
        if (!seen.add(f.idHash)) continue;
        int parent = f.bases.isEmpty() ? -1 : lineage.addAndGetPrimaryRef(f.id(), f.bases);
        cols.add(kept++, f, parent);
      }
    } catch (WireFormatException | IOException e) {
      read = -1;
    }
    if (read != n) {
      // Let the full reader name the damaged line.
      try (var models = snapshot.stream()) {
        models.forEach(m -> { });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      throw new SnapshotFormatException(file, 0, "the file could not be read for its columns");
    }
    LineageIndex index = lineage.build();
    if (Files.size(file) != size || Files.getLastModifiedTime(file).toMillis() != mtime) {
      throw new IOException(file + " changed while its columns were written");
    }
    Path out = companionOf(file);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try {
      writeFile(tmp, size, mtime, hash, n, kept, cols, index);
      try {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return out;
  }

  /** The columns while they are gathered: primitive arrays and string dictionaries. */
  private static final class Columns {
    final int[] account;
    final int[] parent;
    final long[] downloads;
    final long[] allTime;
    final long[] likes;
    final long[] createdSeconds;
    final int[] createdNanos;
    final int[] pipeline;
    final int[] library;
    final byte[] flags;
    final Dictionary accounts = new Dictionary();
    final Dictionary pipelines = new Dictionary();
    final Dictionary libraries = new Dictionary();

    Columns(int n) {
      account = new int[n];
      parent = new int[n];
      downloads = new long[n];
      allTime = new long[n];
      likes = new long[n];
      createdSeconds = new long[n];
      createdNanos = new int[n];
      pipeline = new int[n];
      library = new int[n];
      flags = new byte[n];
    }

    void add(int i, StoredFields f, int parentRef) {
      account[i] = accounts.ref(f.account);
      parent[i] = parentRef;
      int fl = 0;
      if (f.downloads != null) {
        downloads[i] = f.downloads;
        fl |= HAS_DOWNLOADS;
      }
      if (f.downloadsAllTime != null) {
        allTime[i] = f.downloadsAllTime;
        fl |= HAS_ALL_TIME;
      }
      if (f.likes != null) {
        likes[i] = f.likes;
        fl |= HAS_LIKES;
      }
      if (f.createdAt != null) {
        createdSeconds[i] = f.createdAt.getEpochSecond();
        createdNanos[i] = f.createdAt.getNano();
        fl |= HAS_CREATED;
      }
      pipeline[i] = pipelines.ref(f.pipelineTag);
      library[i] = libraries.ref(f.libraryName);
      flags[i] = (byte) fl;
    }
  }

  /** Distinct strings numbered in order of first appearance; {@code null} is -1. */
  private static final class Dictionary {
    final Map<String, Integer> refs = new HashMap<>();
    final List<String> strings = new ArrayList<>();

    int ref(@Nullable String s) {
      if (s == null) return -1;
      Integer r = refs.get(s);
      if (r != null) return r;
      refs.put(s, strings.size());
      strings.add(s);
      return strings.size() - 1;
    }
  }

  private static void writeFile(Path tmp, long size, long mtime, byte[] hash, long headerCount, int n, Columns c,
      LineageIndex index) throws IOException {
    long[] offsets = new long[10];
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.write(new byte[HEADER]); // filled in below
      long at = HEADER;
      offsets[0] = at;
      at += writeInts(out, c.account, n);
      offsets[1] = at;
      at += writeInts(out, c.parent, n);
      offsets[2] = at;
      at += writeLongs(out, c.downloads, n);
      offsets[3] = at;
      at += writeLongs(out, c.allTime, n);
      offsets[4] = at;
      at += writeLongs(out, c.likes, n);
      offsets[5] = at;
      at += writeLongs(out, c.createdSeconds, n);
      offsets[6] = at;
      at += writeInts(out, c.createdNanos, n);
      offsets[7] = at; // the pipeline tags, then the libraries
      at += writeInts(out, c.pipeline, n);
      at += writeInts(out, c.library, n);
      offsets[8] = at;
      out.write(c.flags, 0, n);
      at += n;
      offsets[9] = at;
      writeStrings(out, c.accounts.strings);
      int parents = index.distinctParents();
      out.writeInt(parents);
      for (int r = 0; r < parents; r++) {
        writeString(out, index.baseId(r));
        writeString(out, index.rootOfBase(r));
      }
      writeStrings(out, c.pipelines.strings);
      writeStrings(out, c.libraries.strings);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(HEADER);
      h.put(MAGIC).putInt(VERSION).putInt(0).putLong(size).putLong(mtime).put(hash).putLong(headerCount).putLong(n);
      for (long o : offsets) h.putLong(o);
      h.flip();
      while (h.hasRemaining()) ch.write(h, h.position());
      ch.force(true);
    }
  }

  /** The first {@code n} values, big-endian; returns the bytes written. */
  private static long writeInts(DataOutputStream out, int[] values, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeInt(values[i]);
    return 4L * n;
  }

  private static long writeLongs(DataOutputStream out, long[] values, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeLong(values[i]);
    return 8L * n;
  }

  private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) writeString(out, s);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /** Whether {@code shares} can be answered from a companion. */
  static boolean serves(Shares shares) {
    Dimension d = shares.dimension();
    return shares.metric().isIntrinsic() && shares.filter().readsFieldsOnly() && d != Dimension.FAMILY
        && !shares.hasPrebuiltLineage()
        && (d.isCredited() || d == Dimension.PIPELINE_TAG || d == Dimension.LIBRARY);
  }

  /**
   * The shares from the companion of {@code snapshot}, or {@code null} when there is none, it does not match the
   * snapshot, or the computation needs what it does not hold.
   */
  static @Nullable ShareTable compute(Shares shares, Snapshot snapshot) {
    if (!serves(shares) || snapshot.format() != SnapshotFormat.HUBSHARE) return null;
    HubProtocol protocol = protocolOf(snapshot.header().hub());
    if (protocol == null) return null;
    Path c = companionOf(snapshot.file());
    if (!Files.isRegularFile(c)) return null;
    try (FileChannel ch = FileChannel.open(c, StandardOpenOption.READ)) {
      if (!matches(ch, snapshot) || ch.size() > Integer.MAX_VALUE) return null;
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      return new Query(shares, protocol.hub(), map).run();
    } catch (MetricUnavailableException e) {
      throw e; // an answer, not a damaged companion
    } catch (IOException | RuntimeException e) {
      // A companion that cannot be read is not trusted: the snapshot answers.
      return null;
    }
  }

  private static boolean matches(FileChannel ch, Snapshot snapshot) throws IOException {
    if (ch.size() < HEADER) return false;
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
      // read the fixed header
    }
    h.flip();
    if (h.remaining() < HEADER) return false;
    byte[] magic = new byte[8];
    h.get(magic);
    if (!Arrays.equals(magic, MAGIC) || h.getInt() != VERSION) return false;
    h.getInt();
    Path file = snapshot.file();
    if (h.getLong() != Files.size(file)) return false;
    if (h.getLong() != Files.getLastModifiedTime(file).toMillis()) return false;
    byte[] hash = new byte[32];
    h.get(hash);
    if (h.getLong() != snapshot.header().count()) return false;
    return MessageDigest.isEqual(hash, headerHash(file));
  }

  /** The shares of one computation over the mapped columns. */
  private static final class Query {
    private final Shares shares;
    private final Hub hub;
    private final ByteBuffer map;
    private final int n;
    private final long[] offsets = new long[10];
    private final List<String> accounts;
    /** Parent ids and their roots, decoded when first needed: most computations need few or none. */
    private final LazyStrings parentIds;
    private final LazyStrings roots;
    private final List<String> pipelines;
    private final List<String> libraries;

    Query(Shares shares, Hub hub, ByteBuffer map) {
      this.shares = shares;
      this.hub = hub;
      this.map = map;
      map.position(8 + 8 + 8 + 8 + 32 + 8);
      this.n = Math.toIntExact(map.getLong());
      for (int i = 0; i < offsets.length; i++) offsets[i] = map.getLong();
      map.position(Math.toIntExact(offsets[9]));
      accounts = readStrings(map);
      int parents = map.getInt();
      parentIds = new LazyStrings(map, parents);
      roots = new LazyStrings(map, parents);
      for (int r = 0; r < parents; r++) {
        parentIds.at[r] = map.position();
        map.position(map.position() + 4 + map.getInt(map.position()));
        roots.at[r] = map.position();
        map.position(map.position() + 4 + map.getInt(map.position()));
      }
      pipelines = readStrings(map);
      libraries = readStrings(map);
    }

    private int intAt(int column, int i) {
      return map.getInt((int) offsets[column] + 4 * i);
    }

    private long longAt(int column, int i) {
      return map.getLong((int) offsets[column] + 8 * i);
    }

    ShareTable run() {
      Dimension d = shares.dimension();
      Metric metric = shares.metric();
      Attribution attribution = shares.attribution();
      ModelFilter filter = shares.filter();
      Grouping grouping = shares.grouping();
      grouping.include(hub);
      int valueColumn = metric == Metric.DOWNLOADS ? 2 : metric == Metric.DOWNLOADS_ALL_TIME ? 3 : 4;
      int presentFlag = metric == Metric.DOWNLOADS ? HAS_DOWNLOADS
          : metric == Metric.DOWNLOADS_ALL_TIME ? HAS_ALL_TIME : HAS_LIKES;
      boolean counts = metric != Metric.MODELS;
      Instant from = filter.createdFrom();
      Instant to = filter.createdTo();
      boolean[] tagOk = allowed(pipelines, filter.pipelineTagFilter());
      boolean[] libOk = allowed(libraries, filter.libraryFilter());
      boolean ownField = !d.isCredited();
      List<String> ownKeys = d == Dimension.PIPELINE_TAG ? pipelines : libraries;
      int ownColumn = d == Dimension.PIPELINE_TAG ? 7 : -1;

      // Per source (an account credited to itself, or a parent credited as such, or an own-field value): sums, in
      // the order first met.
      Sums self = new Sums(ownField ? ownKeys.size() + 1 : accounts.size() + 1);
      Sums parents = new Sums(parentIds.size());
      boolean park = attribution == Attribution.ROOT;
      long matched = 0;
      long missing = 0;
      long negative = 0;
      int flagsAt = (int) offsets[8];
      for (int i = 0; i < n; i++) {
        int fl = map.get(flagsAt + i);
        if (from != null) {
          if ((fl & HAS_CREATED) == 0) continue;
          long sec = longAt(5, i);
          int nano = intAt(6, i);
          if (before(sec, nano, from) || !before(sec, nano, Objects.requireNonNull(to))) continue;
        }
        if (tagOk != null && !ok(tagOk, intAt(7, i))) continue;
        if (libOk != null && !ok(libOk, libraryAt(i))) continue;
        matched++;
        boolean present = !counts || (fl & presentFlag) != 0;
        long value = !counts ? 1 : present ? longAt(valueColumn, i) : 0;
        if (value < 0) {
          // No count is negative: absent, and said so in the table's counts (as ShareAccumulator).
          negative++;
          present = false;
          value = 0;
        }
        if (!present) missing++;
        if (ownField) {
          int ref = ownColumn == 7 ? intAt(7, i) : libraryAt(i);
          self.add(ref + 1, value, present, i);
          continue;
        }
        int parent = attribution == Attribution.UPLOADER ? -1 : intAt(1, i);
        if (parent >= 0) {
          parents.add(parent, value, present, i);
        } else {
          self.add(intAt(0, i) + 1, value, present, i);
        }
      }

      GroupTotals totals = new GroupTotals();
      long[] unknown = new long[3];
      // Every source in the order first met, uncanonical; then the canonical spellings in the order first met. The
      // table ends as a model-by-model run ends: each group spelled as its first canonical key, else its first key.
      int[] selfOrder = self.order();
      int[] parentOrder = park ? new int[0] : parents.order();
      int[] merged = merge(selfOrder, self, parentOrder, parents);
      for (int m : merged) {
        boolean isParent = m < 0;
        int ref = isParent ? -m - 1 : m;
        Sums s = isParent ? parents : self;
        String key = isParent ? parentKey(grouping, ref) : selfKey(grouping, ownField, ownKeys, ref);
        put(totals, unknown, key, s.values[ref], s.models[ref], s.missing[ref], false);
      }
      if (d.isCredited()) {
        for (int ref : selfOrder) {
          String key = selfKey(grouping, false, ownKeys, ref);
          if (key != null) totals.add(key, 0, 0, 0, true);
        }
      }
      if (matched > 0 && missing == matched) {
        // Before the parked sums are resolved; ShareTable.of would refuse it too: a table of zeros would read as
        // "nobody downloads anything".
        throw new MetricUnavailableException(metric, matched, null);
      }
      if (park) parked(grouping, parents, totals, unknown);
      return ShareTable.of(d, metric, attribution, filter.describe(), totals.toMap(), unknown,
          new ShareTable.Counts(n, matched, missing, negative));
    }

    private int libraryAt(int i) {
      return map.getInt((int) offsets[7] + 4 * n + 4 * i);
    }

    private @Nullable String selfKey(Grouping g, boolean ownField, List<String> ownKeys, int ref) {
      if (ownField) return ref == 0 ? null : g.ownKey(ownKeys.get(ref - 1));
      String account = ref == 0 ? null : accounts.get(ref - 1);
      return account == null ? null : g.creditedKey(account, account, hub, true);
    }

    private @Nullable String parentKey(Grouping g, int ref) {
      String id = parentIds.get(ref);
      return g.creditedKey(id, Grouping.ownerOf(id), hub, false);
    }

    /** ROOT: the sums parked under each parent, case variants merged, handed on under its root (ParkedSums). */
    private void parked(Grouping g, Sums parents, GroupTotals totals, long[] unknown) {
      int[] order = parents.order();
      Map<String, Integer> firstOfFold = new HashMap<>();
      long[] v = new long[order.length];
      long[] m = new long[order.length];
      long[] x = new long[order.length];
      int[] rep = new int[order.length];
      int groups = 0;
      for (int ref : order) {
        String fold = fold(parentIds.get(ref));
        Integer at = firstOfFold.get(fold);
        if (at == null) {
          at = groups++;
          firstOfFold.put(fold, at);
          rep[at] = ref;
        }
        v[at] = Math.addExact(v[at], parents.values[ref]);
        m[at] += parents.models[ref];
        x[at] += parents.missing[ref];
      }
      for (int i = 0; i < groups; i++) {
        String root = roots.get(rep[i]);
        put(totals, unknown, g.creditedKey(root, Grouping.ownerOf(root), null, false), v[i], m[i], x[i], false);
      }
    }

    private static void put(GroupTotals totals, long[] unknown, @Nullable String key, long v, long m, long x,
        boolean canonical) {
      if (key == null) {
        unknown[GroupTotals.VALUE] = Math.addExact(unknown[GroupTotals.VALUE], v);
        unknown[GroupTotals.MODELS] += m;
        unknown[GroupTotals.MISSING] += x;
      } else {
        totals.add(key, v, m, x, canonical);
      }
    }

    /** Self refs (as is) and parent refs (as {@code -ref - 1}) in the order first met. */
    private static int[] merge(int[] selfOrder, Sums self, int[] parentOrder, Sums parents) {
      int[] out = new int[selfOrder.length + parentOrder.length];
      int a = 0;
      int b = 0;
      int k = 0;
      while (a < selfOrder.length || b < parentOrder.length) {
        boolean takeSelf = b == parentOrder.length
            || a < selfOrder.length && self.first[selfOrder[a]] < parents.first[parentOrder[b]];
        out[k++] = takeSelf ? selfOrder[a++] : -parentOrder[b++] - 1;
      }
      return out;
    }
  }

  /** Strings of the mapped file, decoded once when asked for. */
  private static final class LazyStrings {
    final ByteBuffer map;
    final int[] at;
    final String[] decoded;

    LazyStrings(ByteBuffer map, int size) {
      this.map = map;
      this.at = new int[size];
      this.decoded = new String[size];
    }

    int size() {
      return at.length;
    }

    String get(int i) {
      String s = decoded[i];
      if (s == null) {
        int len = map.getInt(at[i]);
        byte[] b = new byte[len];
        map.get(at[i] + 4, b);
        s = new String(b, StandardCharsets.UTF_8);
        decoded[i] = s;
      }
      return s;
    }
  }

  /** Sums per reference, and where each was first met. */
  private static final class Sums {
    final long[] values;
    final long[] models;
    final long[] missing;
    final int[] first;
    int used;

    Sums(int size) {
      values = new long[size];
      models = new long[size];
      missing = new long[size];
      first = new int[size];
    }

    void add(int ref, long value, boolean present, int at) {
      if (models[ref] == 0) {
        first[ref] = at;
        used++;
      }
      values[ref] = Math.addExact(values[ref], value);
      models[ref]++;
      if (!present) missing[ref]++;
    }

    /** The refs met, in the order first met. */
    int[] order() {
      long[] byFirst = new long[used];
      int k = 0;
      for (int r = 0; r < models.length; r++) {
        if (models[r] > 0) byFirst[k++] = (long) first[r] << 32 | r;
      }
      Arrays.sort(byFirst);
      int[] out = new int[used];
      for (int i = 0; i < used; i++) out[i] = (int) byFirst[i];
      return out;
    }
  }

  private static boolean before(long sec, int nano, Instant t) {
    return sec < t.getEpochSecond() || sec == t.getEpochSecond() && nano < t.getNano();
  }

  private static boolean @Nullable [] allowed(List<String> strings, @Nullable String wanted) {
    if (wanted == null) return null;
    boolean[] ok = new boolean[strings.size()];
    for (int i = 0; i < ok.length; i++) ok[i] = wanted.equals(strings.get(i));
    return ok;
  }

  private static boolean ok(boolean[] allowed, int ref) {
    return ref >= 0 && allowed[ref];
  }

  /** ASCII letters folded to lower case, as parent ids are matched. */
  private static String fold(String id) {
    char[] c = id.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char) (c[i] + ('a' - 'A'));
    }
    return new String(c);
  }

  private static List<String> readStrings(ByteBuffer b) {
    int count = b.getInt();
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(readString(b));
    return out;
  }

  private static String readString(ByteBuffer b) {
    int len = b.getInt();
    byte[] bytes = new byte[len];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** SHA-256 of the snapshot's first line (its header), as stored. */
  static byte[] headerHash(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 8192)) {
      byte[] buf = new byte[8192];
      while (true) {
        int r = in.read(buf);
        if (r < 0) break;
        int nl = -1;
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        sha.update(buf, 0, nl < 0 ? r : nl);
        if (nl >= 0) break;
      }
    }
    return sha.digest();
  }

  private static @Nullable HubProtocol protocolOf(String hub) {
    for (Hub h : HubProtocol.available()) {
      if (h.name().equals(hub)) return HubProtocol.of(h);
    }
    return null;
  }
}
