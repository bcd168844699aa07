package io.hubshare.snapshot;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON Lines snapshot one line at a time, gzip or plain text: a hubshare snapshot (its header at once, then
 * each model line when asked), or the list API's objects without a header, as other tools dump them. Never holds
 * more than one line; every failure becomes a {@link SnapshotFormatException} naming the line.
 */
final class SnapshotReader implements RecordReader {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final Lines in;
  private final @Nullable SnapshotHeader header;
  private @Nullable String pending;
  private long expected;
  private long lineNumber;
  private long models;
  private boolean ended;

  private SnapshotReader(Path file, Lines in) throws IOException {
    this.file = file;
    this.in = in;
    String first;
    do {
      first = read();
    } while (first != null && first.isBlank());
    if (first == null) throw new SnapshotFormatException(file, 1, "not a snapshot: the file is empty");
    if (SnapshotJson.isHeader(first)) {
      if (lineNumber != 1) {
        throw new SnapshotFormatException(file, lineNumber, "the hubshare header must be the first line");
      }
      this.header = SnapshotJson.parseHeader(first, file);
      this.expected = header.count();
    } else {
      try {
        SnapshotJson.idOf(first);
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(file, lineNumber, "neither a hubshare snapshot header nor a model object "
            + "of the list API: " + e.getMessage());
      }
      this.header = null;
      this.pending = first;
      this.expected = -1;
    }
  }

  /** Opens {@code file}, gzip or plain text, and reads its first line. */
  static SnapshotReader open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      InputStream data = FileFormats.isGzip(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
      // Strict UTF-8 and a bound on each line (Lines): a model line is kept verbatim, so bad bytes must fail, not
      // turn into U+FFFD; a line of 3 GB must fail, not fill the heap.
      return new SnapshotReader(file, new Lines(file, data));
    } catch (ZipException e) {
      raw.close();
      throw new SnapshotFormatException(file, 0, "not a snapshot: corrupt gzip data (" + e.getMessage() + ")");
    } catch (EOFException e) {
      raw.close();
      throw new SnapshotFormatException(file, 0, "not a snapshot: the file is empty or cut short");
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The hubshare header, or {@code null} for a file of model lines without one. */
  @Nullable SnapshotHeader header() {
    return header;
  }

  /** Checks, at the end, that a file without a header holds {@code count} model lines, as counted at open. */
  SnapshotReader expect(long count) {
    this.expected = count;
    return this;
  }

  Path file() {
    return file;
  }

  /** The 1-based number of the line last read (1 is the header, if any). */
  @Override
  public long position() {
    return lineNumber;
  }

  /**
   * The next model line, verbatim, or {@code null} after the last one.
   *
   * @throws SnapshotFormatException if the file is cut short, corrupt, or holds another number of models than its
   *     header announces (or than were counted at open)
   */
  @Override
  public @Nullable String next() throws IOException {
    if (ended) return null;
    String line;
    if (pending != null) {
      line = pending;
      pending = null;
    } else {
      do {
        line = read();
      } while (line != null && line.isBlank());
    }
    if (line == null) {
      ended = true;
      if (expected >= 0 && models != expected) {
        String of = header != null ? "its header announces " : "were counted when it was opened: ";
        throw new SnapshotFormatException(file, lineNumber + 1, "the file ends after " + models + " models but "
            + of + expected + (models < expected ? ": it is truncated" : ""));
      }
      return null;
    }
    models++;
    if (expected >= 0 && models > expected) {
      throw new SnapshotFormatException(file, lineNumber, "more model lines than the " + expected
          + (header != null ? " the header announces" : " counted when the file was opened"));
    }
    return line;
  }

  private @Nullable String read() throws IOException {
    String line = in.next();
    if (line != null) lineNumber++;
    return line;
  }

  @Override
  public void close() throws IOException {
    ended = true;
    in.close();
  }
}
