package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a kill at any instant: content goes to a temporary file in the same directory, is synced,
 * and replaces the target by an atomic rename, so a reader sees the old file or the new one, never half of one.
 */
final class Durable {
  private Durable() {}

  /** Replaces {@code target} with {@code content} atomically. */
  static void write(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      writeFully(ch, ByteBuffer.wrap(content), 0);
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target);
  }

  /** Writes all of {@code buf} at {@code position}. */
  static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) at += ch.write(buf, at);
  }

  /**
   * Syncs the directory holding {@code file}, so a rename or delete in it survives a power cut. Best effort: some
   * systems (Windows) cannot open a directory, and there a rename is already durable enough.
   */
  static void syncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) return;
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here; the rename itself is atomic, only its durability across a power cut is weaker.
    }
  }
}
