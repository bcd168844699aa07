package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot file opened for reading: its {@link #header()}, then its models, streamed one line at a time. The file
 * is never loaded: a snapshot of the whole Hub reads in constant memory. Open one with {@link Snapshots#open}.
 *
 * {@snippet :
 * try (Snapshot s = Snapshots.open(Path.of("hub-2026-08-01.jsonl.gz"))) {
 *   System.out.println(s.header().count() + " models listed at " + s.header().startedAt());
 *   long qwen = s.stream().filter(m -> "Qwen".equals(m.author())).count();
 * }
 * }
 *
 * <p>Each {@link #stream()} or {@link #iterator()} reads the file again from its first model. A damaged file
 * (truncated, a line that is not JSON, fewer models than the header announces) fails while streaming with an
 * {@link UncheckedIOException} whose cause is a {@link SnapshotFormatException} naming the line. Not thread-safe:
 * use one {@code Snapshot} per thread, or one stream per thread and close the {@code Snapshot} last.
 */
public final class Snapshot implements AutoCloseable, Iterable<Model> {
  private final Path file;
  private final SnapshotHeader header;
  private final Function<String, Model> parser;
  private final List<SnapshotReader> readers = new ArrayList<>();
  private boolean closed;

  private Snapshot(Path file, SnapshotHeader header, Function<String, Model> parser) {
    this.file = file;
    this.header = header;
    this.parser = parser;
  }

  /**
   * Opens {@code file}, reading only its header. {@code parser} turns model lines into models; {@code null} picks
   * the parser of the hub the header names.
   */
  static Snapshot open(Path file, @Nullable Function<String, Model> parser) throws IOException {
    try (SnapshotReader r = SnapshotReader.open(file)) {
      SnapshotHeader h = r.header();
      Function<String, Model> p = parser != null ? parser : ModelLines.forHub(h.hub());
      if (p == null) {
        throw new SnapshotFormatException(file, 1, "models of the hub '" + h.hub() + "' cannot be read by this "
            + "version of hubshare (it reads " + ModelLines.hubs() + ")");
      }
      return new Snapshot(file, h, p);
    }
  }

  /** The header: what was listed, from where, when, and how many models follow. */
  public SnapshotHeader header() {
    return header;
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /**
   * The models, in the order the hub listed them, parsed one line at a time. Close the stream (or this snapshot)
   * to release the file early; reading to the end releases it too.
   *
   * @throws UncheckedIOException while streaming, wrapping a {@link SnapshotFormatException} naming the damaged line
   */
  public Stream<Model> stream() {
    return stream(this::parse);
  }

  /**
   * The model lines exactly as stored: each is the model object as the hub sent it. Useful to copy models
   * elsewhere without losing fields this version of hubshare does not model.
   */
  public Stream<String> rawLines() {
    return stream((line, number) -> line);
  }

  /** The models, as {@link #stream()}; the file is released when the iteration ends or this snapshot closes. */
  @Override
  public Iterator<Model> iterator() {
    return new LineIterator<>(openReader(), this::parse);
  }

  /** Releases every stream and iterator still reading the file. */
  @Override
  public void close() {
    closed = true;
    for (SnapshotReader r : List.copyOf(readers)) closeQuietly(r);
    readers.clear();
  }

  @Override
  public String toString() {
    return "Snapshot[" + file + ", " + header.count() + " models, " + header.hub() + " at " + header.startedAt() + "]";
  }

  private <T> Stream<T> stream(LineMapper<T> mapper) {
    SnapshotReader r = openReader();
    LineIterator<T> it = new LineIterator<>(r, mapper);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(() -> closeQuietly(r));
  }

  private SnapshotReader openReader() {
    if (closed) throw new IllegalStateException("snapshot " + file + " is closed");
    try {
      SnapshotReader r = SnapshotReader.open(file);
      readers.add(r);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Model parse(String line, long lineNumber) throws SnapshotFormatException {
    try {
      return parser.apply(line);
    } catch (RuntimeException e) {
      throw new SnapshotFormatException(file, lineNumber, diagnose(line, e));
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

  private void closeQuietly(SnapshotReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // Reading is over; a failure to release a read-only file changes nothing.
    }
    readers.remove(r);
  }

  @FunctionalInterface
  private interface LineMapper<T> {
    T map(String line, long lineNumber) throws SnapshotFormatException;
  }

  /** Reads ahead one line; closes the reader at the end or on the first failure. */
  private final class LineIterator<T> implements Iterator<T> {
    private final SnapshotReader reader;
    private final LineMapper<T> mapper;
    private @Nullable T next;
    private boolean done;

    LineIterator(SnapshotReader reader, LineMapper<T> mapper) {
      this.reader = reader;
      this.mapper = mapper;
    }

    @Override
    public boolean hasNext() {
      if (next != null) return true;
      if (done) return false;
      if (closed) throw new IllegalStateException("snapshot " + file + " was closed while being read");
      try {
        String line = reader.nextLine();
        if (line == null) {
          finish();
          return false;
        }
        next = mapper.map(line, reader.lineNumber());
        return true;
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
    }
  }
}
