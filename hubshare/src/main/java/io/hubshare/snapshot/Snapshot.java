package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot opened for reading: its {@link #header()}, then its models, streamed one at a time. The file is never
 * loaded: a snapshot of the whole Hub reads in bounded memory. Open one with {@link Snapshots#open}; it may be a
 * hubshare snapshot, the list API's JSON Lines without a header, or a Parquet file ({@link #format()}).
 *
 * <pre>{@code
 * try (Snapshot s = Snapshots.open(Path.of("hub-2026-08-01.jsonl.gz"))) {
 *   System.out.println(s.header().count() + " models listed at " + s.header().startedAt());
 *   long qwen = s.stream().filter(m -> "Qwen".equals(m.author())).count();
 * }
 * }</pre>
 *
 * <p>Each repository is read once: a record whose id repeats one read before, ignoring case as the Hub does
 * ({@code Org/Model}, {@code org/model}), is skipped, and how many were is logged (INFO). That costs 16 to 32 bytes
 * per model while a stream is read (the ids seen, as 64-bit hashes). {@link #rawLines()} gives every record.
 *
 * <p>Each {@link #stream()} or {@link #iterator()} reads the file again from its first model. A damaged file
 * (truncated, a line that is not JSON, fewer models than the header announces) fails while streaming with an
 * {@link UncheckedIOException} whose cause is a {@link SnapshotFormatException} naming the line (or row). Not
 * thread-safe: use one {@code Snapshot} per thread, or one stream per thread and close the {@code Snapshot} last.
 */
public final class Snapshot implements AutoCloseable, Iterable<Model> {
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

  /**
   * Every field of the list API that a {@link Model} is read from: {@code id}, {@code author}, {@code createdAt},
   * {@code downloads}, {@code downloadsAllTime}, {@code tags}, {@code cardData}, {@code baseModels}… Pass a part of
   * it to {@link #stream(Collection)}.
   */
  public static final List<String> FIELDS = ModelFields.ALL;

  private final Path file;
  private final SnapshotHeader header;
  private final SnapshotFormat format;
  private final String dating;
  private final Function<String, Model> parser;
  private final Passes passes;
  private final @Nullable Closeable resource;
  private final List<RecordReader> readers = new ArrayList<>();
  private boolean closed;

  Snapshot(Path file, SnapshotHeader header, SnapshotFormat format, String dating, Function<String, Model> parser,
      Passes passes, @Nullable Closeable resource) {
    this.file = file;
    this.header = header;
    this.format = format;
    this.dating = dating;
    this.parser = parser;
    this.passes = passes;
    this.resource = resource;
  }

  /** Opens fresh passes over a snapshot's models, reading only some fields where the format allows it. */
  @FunctionalInterface
  interface Passes {
    RecordReader open(@Nullable Collection<String> fields) throws IOException;
  }

  /** Opens {@code file} with {@code parser} for its models, its time as the file states it. */
  static Snapshot open(Path file, @Nullable Function<String, Model> parser) throws IOException {
    return open(file, null, parser);
  }

  /**
   * Opens {@code file}, reading only its header (or footer). {@code parser} turns model JSON into models;
   * {@code null} picks the parser of the hub the snapshot names.
   */
  static Snapshot open(Path file, @Nullable Instant at, @Nullable Function<String, Model> parser)
      throws IOException {
    return SnapshotOpener.open(file, at, parser);
  }

  /**
   * What was listed, from where, when, and how many models follow. For a file without a hubshare header, a header
   * that describes it: its {@link SnapshotHeader#startedAt()} is the date found in its metadata or path, or the one
   * given when opening it, else {@code null} (unknown); {@link SnapshotHeader#note()} says where it came from.
   */
  public SnapshotHeader header() {
    return header;
  }

  /** What kind of file this is, as told by its content. */
  public SnapshotFormat format() {
    return format;
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /**
   * One line for people: the file, its format, its model count and its time with where that came from, such as
   * {@code models.parquet (Parquet, 2,500,740 models, 2025-08-25 from its path)}.
   */
  public String describe() {
    Path name = file.getFileName();
    return (name == null ? file.toString() : name.toString()) + " (" + format.label() + ", "
        + String.format(java.util.Locale.ROOT, "%,d", header.count()) + " models, " + dating + ")";
  }

  /**
   * The models, in the order the file holds them, parsed one at a time. Close the stream (or this snapshot) to
   * release the file early; reading to the end releases it too.
   *
   * @throws UncheckedIOException while streaming, wrapping a {@link SnapshotFormatException} naming the damaged line
   */
  public Stream<Model> stream() {
    return DescribedStream.of(stream(null, this::parse, Model::id),
        "the " + header.count() + " models of " + file);
  }

  /**
   * The model whose id is {@code id}, ignoring case as the hubs do; a model spelt exactly so wins over one spelt
   * with other capitals (a snapshot can hold both, listed before and after a rename). Reads the snapshot from the
   * start, parsing only the models whose JSON may hold the id, and stops at an exact match.
   *
   * <pre>{@code
   * Optional<Model> qwen = snapshot.find("Qwen/Qwen3-8B");
   * long recent = qwen.map(m -> m.downloads().last30DaysOr(0)).orElse(0L);
   * }</pre>
   *
   * @param id the model's id, such as {@code Qwen/Qwen3-8B}
   * @return the model, or empty when the snapshot does not hold it
   * @throws UncheckedIOException wrapping a {@link SnapshotFormatException} naming a damaged model
   */
  public Optional<Model> find(String id) {
    Objects.requireNonNull(id, "id");
    String name = id.substring(id.indexOf('/') + 1);
    Model spelledOtherwise = null;
    RecordReader r = openReader(null);
    try {
      for (String json = r.next(); json != null; json = r.next()) {
        if (!containsIgnoringCase(json, name)) continue; // most models: no parse
        Model m = parse(json, r.position());
        if (m.id().equals(id)) return Optional.of(m);
        if (spelledOtherwise == null && m.id().equalsIgnoreCase(id)) spelledOtherwise = m;
      }
      return Optional.ofNullable(spelledOtherwise);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(r);
    }
  }

  private static boolean containsIgnoringCase(String text, String part) {
    for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) return true;
    }
    return false;
  }

  /**
   * The models, reading only {@code fields} (the list API's names, such as {@code author}, {@code downloads},
   * {@code tags}) where the format allows it: a Parquet file reads only those columns; JSON Lines are read whole.
   * Fields not read are absent ({@code null} or empty) in the models, as if the hub had not sent them. The id is
   * always read.
   *
   * @throws UncheckedIOException while streaming, wrapping a {@link SnapshotFormatException}
   */
  public Stream<Model> stream(Collection<String> fields) {
    return DescribedStream.of(stream(List.copyOf(fields), this::parse, Model::id),
        "the " + header.count() + " models of " + file + ", fields " + fields);
  }

  /**
   * The models' JSON exactly as stored: each is the model object as the hub sent it (for a Parquet file, the row
   * as the list API's JSON object, rebuilt from the columns). Useful to copy models elsewhere without losing fields
   * this version of hubshare does not model.
   */
  public Stream<String> rawLines() {
    return DescribedStream.of(stream(null, (line, number) -> line, null),
        "the " + header.count() + " models' JSON of " + file);
  }

  /** The models, as {@link #stream()}; the file is released when the iteration ends or this snapshot closes. */
  @Override
  public Iterator<Model> iterator() {
    return new RecordIterator<>(openReader(null), this::parse, Model::id);
  }

  /** Releases every stream and iterator still reading the file. */
  @Override
  public void close() {
    closed = true;
    for (RecordReader r : List.copyOf(readers)) closeQuietly(r);
    readers.clear();
    if (resource != null) {
      try {
        resource.close();
      } catch (IOException ignored) {
        // Reading is over; a failure to release a read-only file changes nothing.
      }
    }
  }

  @Override
  public String toString() {
    return "Snapshot[" + file + ", " + format.label() + ", " + header.count() + " models, " + header.hub() + " at "
        + (header.startedAt() == null ? "an unknown time" : header.startedAt()) + "]";
  }

  private <T> Stream<T> stream(@Nullable Collection<String> fields, RecordMapper<T> mapper,
      @Nullable Function<T, String> idOf) {
    RecordReader r = openReader(fields);
    RecordIterator<T> it = new RecordIterator<>(r, mapper, idOf);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(() -> closeQuietly(r));
  }

  private RecordReader openReader(@Nullable Collection<String> fields) {
    if (closed) throw new IllegalStateException("snapshot " + file + " is closed");
    try {
      RecordReader r = passes.open(fields);
      readers.add(r);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Model parse(String line, long position) throws SnapshotFormatException {
    try {
      return parser.apply(line);
    } catch (RuntimeException e) {
      throw new SnapshotFormatException(file, position, diagnose(line, e));
    }
  }

  /** Says why a line failed to parse, in the words of the JSON check when the line is not JSON at all. */
  static String diagnose(String line, RuntimeException parseFailure) {
    try {
      SnapshotJson.idOf(line);
    } catch (IllegalArgumentException notJson) {
      return notJson.getMessage();
    }
    String m = parseFailure.getMessage();
    return "not a model the hub sends" + (m == null ? "" : " (" + m + ")");
  }

  private void closeQuietly(RecordReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // Reading is over; a failure to release a read-only file changes nothing.
    }
    readers.remove(r);
  }

  @FunctionalInterface
  private interface RecordMapper<T> {
    T map(String record, long position) throws SnapshotFormatException;
  }

  /**
   * Reads ahead one record; closes the reader at the end or on the first failure. With {@code idOf}, an item whose
   * id was read before (ignoring case, as the Hub compares ids) is skipped: the first record of a repository counts.
   */
  private final class RecordIterator<T> implements Iterator<T> {
    private final RecordReader reader;
    private final RecordMapper<T> mapper;
    private final @Nullable Function<T, String> idOf;
    private final @Nullable IdHashSet seen;
    private long repeats;
    private @Nullable T next;
    private boolean done;

    RecordIterator(RecordReader reader, RecordMapper<T> mapper, @Nullable Function<T, String> idOf) {
      this.reader = reader;
      this.mapper = mapper;
      this.idOf = idOf;
      // Sized from the header's count when it has one: growing by doubling would hold two tables at once.
      this.seen = idOf == null ? null : new IdHashSet(true, header.count());
    }

    @Override
    public boolean hasNext() {
      if (next != null) return true;
      if (done) return false;
      if (closed) throw new IllegalStateException("snapshot " + file + " was closed while being read");
      try {
        while (true) {
          String record = reader.next();
          if (record == null) {
            finish();
            return false;
          }
          T item = mapper.map(record, reader.position());
          if (seen == null || seen.add(idOf.apply(item))) {
            next = item;
            return true;
          }
          repeats++;
        }
      } catch (IOException e) {
        finish();
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      T t = next;
      next = null;
      return t;
    }

    private void finish() {
      done = true;
      closeQuietly(reader);
      if (repeats > 0) {
        // The library logs at DEBUG only: a JShell session or a test run must not fill with this line.
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1} record(s) repeat the id of a model read before (ids compared "
            + "ignoring case, as the Hub resolves them); each repository was counted once, at its first record",
            file, repeats);
      }
    }
  }
}
