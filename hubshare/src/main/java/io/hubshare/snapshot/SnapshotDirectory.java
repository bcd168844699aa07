package io.hubshare.snapshot;

import io.hubshare.internal.columnar.ColumnarReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@link Snapshots#series(Path)}: the dated snapshot files below a directory, oldest first. */
final class SnapshotDirectory {
  private SnapshotDirectory() {}

  private record Dated(Instant time, String hub, Path file) {}

  static List<Path> series(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) throw new IllegalArgumentException(directory + " is not a directory");
    List<Path> candidates;
    try (Stream<Path> walk = Files.walk(directory)) {
      candidates = walk.filter(Files::isRegularFile).filter(p -> !hidden(directory, p)).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Dated> dated = new ArrayList<>();
    List<String> undated = new ArrayList<>();
    for (Path f : candidates) {
      Snapshot s;
      try {
        s = Snapshot.open(f, null, null);
      } catch (SnapshotFormatException e) {
        if (FileFormats.isParquet(f) && e.getMessage().contains(ColumnarReader.ARTIFACT)) {
          throw e; // a Parquet series without the reader: say so rather than find nothing
        }
        continue; // not a snapshot: a README, a checksum, a licence
      }
      try (s) {
        Instant t = s.header().startedAt();
        if (t == null) {
          undated.add(directory.relativize(f).toString());
        } else {
          dated.add(new Dated(t, s.header().hub(), f));
        }
      }
    }
    if (dated.isEmpty()) {
      throw new IllegalArgumentException("no dated snapshot below " + directory
          + (undated.isEmpty() ? "" : " (files without a date in their path or header: " + undated + ")"));
    }
    dated.sort(Comparator.comparing(Dated::time).thenComparing(d -> d.file().toString()));
    for (int i = 1; i < dated.size(); i++) {
      Dated a = dated.get(i - 1);
      Dated b = dated.get(i);
      if (a.time().equals(b.time()) && a.hub().equals(b.hub())) {
        throw new IllegalArgumentException("two snapshots of " + a.hub() + " at " + a.time() + " below " + directory
            + ": " + a.file() + " and " + b.file() + "; a series needs one per time");
      }
    }
    return dated.stream().map(Dated::file).toList();
  }

  /** Whether a name on the way from {@code root} to {@code file} starts with {@code .} or {@code _}. */
  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_")) return true;
    }
    return false;
  }
}
