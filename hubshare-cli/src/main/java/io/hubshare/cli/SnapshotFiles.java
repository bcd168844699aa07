package io.hubshare.cli;

import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opening snapshot files the user named, with errors that name the file. */
final class SnapshotFiles {
  private SnapshotFiles() {}

  /**
   * Checks that {@code file} is there to be read.
   *
   * @throws CliFailure (exit 1) if it does not exist or is a directory
   */
  static void requireFile(Path file) {
    if (Files.isDirectory(file)) throw CliFailure.io("snapshot '" + file + "' is a directory, not a file", null);
    if (!Files.exists(file)) throw CliFailure.io("snapshot file '" + file + "' not found", null);
  }

  /**
   * The snapshot files the user named: files as given, each directory replaced by its dated snapshot files, oldest
   * first ({@link Snapshots#series}).
   *
   * @throws CliFailure (exit 1) if one does not exist
   * @throws IllegalArgumentException (exit 2) if a directory holds no dated snapshot, or two at the same time
   */
  static List<Path> expand(List<Path> given) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        files.addAll(Snapshots.series(p));
      } else {
        requireFile(p);
        files.add(p);
      }
    }
    return files;
  }

  /**
   * Opens {@code file}, reading its header; {@code at} is the time of a file that does not state one.
   *
   * @throws CliFailure (exit 1) if the file does not exist
   */
  static Snapshot open(Path file, @Nullable Instant at) throws IOException {
    requireFile(file);
    return Snapshots.open(file, at);
  }

  /**
   * Opens {@code file}, reading its header.
   *
   * @throws CliFailure (exit 1) if the file does not exist
   * @throws IOException if it cannot be read or is not a snapshot this version reads (the message names the line)
   */
  static Snapshot open(Path file) throws IOException {
    requireFile(file);
    return Snapshots.open(file);
  }
}
