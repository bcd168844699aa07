package io.hubshare.cli;

import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
