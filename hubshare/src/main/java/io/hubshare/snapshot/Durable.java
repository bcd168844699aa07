package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a kill at any instant: content goes to a temporary file in the same directory, is synced,
 * and replaces the target by an atomic rename, so a reader sees the old file or the new one, never half of one.
 *
 * <p>Temporary files are made safely: created new, never through a link (a link planted at {@code OUT.tmp} is
 * removed, not followed, so its target is never written), and deleted when the write fails, a full disk included.
 * Write failures name the file.
 */
final class Durable {
  private Durable() {}

  /** Replaces {@code target} with {@code content} atomically. */
  static void write(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch = createTemp(temp)) {
      writeFully(ch, ByteBuffer.wrap(content), 0);
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      if (e instanceof IOException io) throw cannotWrite(temp, io);
      throw (RuntimeException) e;
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw cannotWrite(target, e);
    }
    syncDirectory(target);
  }

  /**
   * Creates {@code temp} afresh for writing: whatever lies there (a temporary file a killed run left, or a link
   * someone planted) is removed first, the link itself and never its target, and the file is then created new,
   * without following links. If something appears in between, this fails rather than write through it.
   */
  static FileChannel createTemp(Path temp) throws IOException {
    Files.deleteIfExists(temp); // deletes a link, not what it points to
    return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }

  /** Deletes {@code file} if it is there, saying nothing if that fails: a cleanup after another failure. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The failure being reported matters more; a leftover temporary file is removed by the next run.
    }
  }

  /** An I/O failure while writing {@code file}, naming it: "No space left on device" alone names nothing. */
  static IOException cannotWrite(Path file, IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) return e;
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    FileSystemException named = new FileSystemException(file.toString(), null, "cannot write: " + reason);
    named.initCause(e);
    return named;
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
