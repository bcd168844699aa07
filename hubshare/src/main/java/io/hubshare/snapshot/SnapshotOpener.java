package io.hubshare.snapshot;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.internal.columnar.ColumnarFile;
import io.hubshare.internal.columnar.ColumnarReader;
import io.hubshare.internal.protocol.HubProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Opens any file {@link Snapshots#open} reads, told by its content: Parquet ({@code PAR1} at both ends), else gzip or
 * plain JSON Lines, with a hubshare header on the first line or without one.
 */
final class SnapshotOpener {
  /** The Parquet key-value metadata key under which hubshare writes a snapshot's header. */
  static final String METADATA_KEY = "hubshare.snapshot";

  private SnapshotOpener() {}

  static Snapshot open(Path file, @Nullable Instant at, @Nullable Function<String, Model> parser)
      throws IOException {
    if (Files.isDirectory(file)) {
      throw new SnapshotFormatException(file, 0, "a directory, not a snapshot file: open its dated files as a series "
          + "(Snapshots.series)");
    }
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    if (FileFormats.isParquet(file)) return parquet(file, at, parser);
    SnapshotReader r = SnapshotReader.open(file);
    SnapshotHeader h;
    try {
      h = r.header();
    } finally {
      r.close();
    }
    if (h != null) {
      refuseOtherTime(file, h.startedAt(), at, "its header");
      return snapshot(file, h, SnapshotFormat.HUBSHARE, "read from " + h.startedAt() + ", its header", parser,
          fields -> SnapshotReader.open(file), null);
    }
    long count = FileFormats.countLines(file);
    Dating d = date(file, at);
    String hub = hubOf(file);
    SnapshotHeader described = new SnapshotHeader(SnapshotHeader.CURRENT_FORMAT_VERSION, hub, endpointOf(hub), "",
        d.time, null, count, null, "The list API's model objects without a hubshare header; time " + d.words + ".",
        null);
    return snapshot(file, described, SnapshotFormat.JSON_LINES, d.words, parser,
        fields -> SnapshotReader.open(file).expect(count), null);
  }

  private static Snapshot parquet(Path file, @Nullable Instant at, @Nullable Function<String, Model> parser)
      throws IOException {
    List<ColumnarReader> readers = ColumnarReader.available();
    if (readers.isEmpty()) {
      throw new SnapshotFormatException(file, 0, "a Parquet file: reading it needs " + ColumnarReader.ARTIFACT
          + " (module io.hubshare.sql) on the class path or module path, beside io.hubshare:hubshare");
    }
    ColumnarFile columns = readers.get(0).open(file);
    try {
      if (!columns.columns().contains("id") && !columns.columns().contains("modelId")) {
        throw new SnapshotFormatException(file, 0, "a Parquet file without an 'id' column: not a listing of models "
            + "(its columns: " + String.join(", ", columns.columns()) + ")");
      }
      SnapshotHeader h;
      String dating;
      String stored = columns.metadata().get(METADATA_KEY);
      if (stored != null) {
        SnapshotHeader written = SnapshotJson.parseHeader(stored, file);
        refuseOtherTime(file, written.startedAt(), at, "its hubshare metadata");
        h = written.withCount(columns.rowCount());
        dating = "read from " + written.startedAt() + ", its hubshare metadata";
      } else {
        Dating d = date(file, at);
        String hub = hubOf(file);
        h = new SnapshotHeader(SnapshotHeader.CURRENT_FORMAT_VERSION, hub, endpointOf(hub), "", d.time, null,
            columns.rowCount(), null, "A Parquet file of the listing without hubshare metadata; time " + d.words
            + ".", null);
        dating = d.words;
      }
      ColumnarFile open = columns;
      return snapshot(file, h, SnapshotFormat.PARQUET, dating, parser, fields -> rows(file, open, fields), columns);
    } catch (IOException | RuntimeException e) {
      columns.close();
      throw e;
    }
  }

  private static RecordReader rows(Path file, ColumnarFile columns, @Nullable Collection<String> fields)
      throws IOException {
    ColumnarFile.Rows rows = columns.rows(fields == null ? ModelFields.ALL : ModelFields.withId(fields));
    return new RecordReader() {
      private long row;

      @Override
      public @Nullable String next() throws IOException {
        String next;
        try {
          next = rows.next();
        } catch (IOException e) {
          throw new SnapshotFormatException(file, row + 1, "row", e.getMessage());
        }
        if (next != null) row++;
        return next;
      }

      @Override
      public long position() {
        return row;
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }

  private static Snapshot snapshot(Path file, SnapshotHeader h, SnapshotFormat format, String dating,
      @Nullable Function<String, Model> parser, Snapshot.Passes passes, @Nullable ColumnarFile resource)
      throws SnapshotFormatException {
    Function<String, Model> p = parser != null ? parser : ModelLines.forHub(h.hub());
    if (p == null) {
      throw new SnapshotFormatException(file, format == SnapshotFormat.HUBSHARE ? 1 : 0, "models of the hub '"
          + h.hub() + "' cannot be read by this version of hubshare (it reads " + ModelLines.hubs() + ")");
    }
    return new Snapshot(file, h, format, dating, p, passes, resource);
  }

  /** A file that states its own time keeps it: a different time given when opening is refused, not applied. */
  private static void refuseOtherTime(Path file, @Nullable Instant stated, @Nullable Instant at, String where) {
    if (at != null && stated != null && !at.equals(stated)) {
      throw new IllegalArgumentException(file + " states its own time in " + where + " (" + stated + "); a time "
          + "given when opening (" + at + ") applies only to files without one");
    }
  }

  private record Dating(@Nullable Instant time, String words) {}

  /** The time given when opening, else the date in the path (start of day, UTC), else unknown. */
  private static Dating date(Path file, @Nullable Instant at) {
    if (at != null) return new Dating(at, at + ", given when opened");
    LocalDate d = SnapshotDates.dateOf(file);
    if (d != null) {
      return new Dating(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d + " from its path (a label: the day it "
          + "stands for, not the instant it was read)");
    }
    return new Dating(null, "unknown (no date in its path; give one with --at DATE)");
  }

  /** The hub of a {@code hub=NAME} folder, else Hugging Face, whose listing the public files hold. */
  private static String hubOf(Path file) {
    String named = SnapshotDates.hubOf(file);
    return named == null ? Hub.HUGGING_FACE.name() : Hub.of(named).name();
  }

  private static String endpointOf(String hub) {
    try {
      String e = HubProtocol.of(Hub.of(hub)).discovery().defaultEndpoint().toString();
      return e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
