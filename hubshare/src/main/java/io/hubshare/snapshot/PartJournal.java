package io.hubshare.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan and provenance of a partitioned crawl, one JSON object a line, in plain text so a person can read it:
 * each part as it is added, each page with the ids it served, each part's outcome. Appended and synced before the
 * checkpoint vouches for it; on resume, cut back to what the checkpoint vouches for and replayed. Held under an
 * exclusive lock while a crawl writes it.
 */
final class PartJournal implements Closeable {
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private PartJournal(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the journal and locks it.
   *
   * @throws IllegalStateException if another crawl holds it
   */
  static PartJournal open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
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
    return new PartJournal(path, ch, lock);
  }

  /**
   * The lines of the first {@code bytes}, after cutting off anything written after them.
   *
   * @throws SnapshotFormatException if the file is shorter than {@code bytes}: the crawl state is damaged
   */
  List<String> restoreTo(long bytes, Path checkpoint) throws IOException {
    long size = channel.size();
    if (size < bytes) {
      throw new SnapshotFormatException(path, 0, "holds " + size + " bytes but the checkpoint " + checkpoint
          + " vouches for " + bytes + ": the crawl state is damaged; delete the crawl's files to start again");
    }
    if (size > bytes) {
      channel.truncate(bytes);
      channel.force(true);
    }
    ByteBuffer buf = ByteBuffer.allocate((int) bytes);
    while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
      // reads until full
    }
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) lines.add(line);
    }
    return lines;
  }

  /**
   * Appends {@code lines} and syncs them.
   *
   * @return the file's new length
   */
  long append(List<String> lines) throws IOException {
    long size = channel.size();
    if (lines.isEmpty()) return size;
    StringBuilder b = new StringBuilder();
    for (String l : lines) b.append(l).append('\n');
    Durable.writeFully(channel, ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)), size);
    channel.force(true);
    return channel.size();
  }

  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) return;
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
