package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A crawl's state file, opened (or created) for reading and writing under an exclusive lock, so that two crawls
 * never write it at once.
 */
record LockedChannel(FileChannel channel, FileLock lock) {

  /**
   * Opens and locks {@code path}.
   *
   * @throws IllegalStateException if another crawl holds it
   */
  static LockedChannel open(Path path) throws IOException {
    // Never through a link: a link planted at a state file would have the crawl truncate and write its target.
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      if (Files.isSymbolicLink(path)) {
        throw new FileSystemException(path.toString(), null, "is a symbolic link: a crawl never writes through "
            + "one; remove it, or crawl into another file");
      }
      throw Durable.cannotWrite(path, e);
    }
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IllegalStateException("another crawl is writing " + path + " right now");
    }
    return new LockedChannel(ch, lock);
  }

  /** Releases the lock and closes the channel; idempotent. */
  void close() throws IOException {
    if (!channel.isOpen()) return;
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
