package io.hubshare.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  private final LockedChannel locked;
  private final FileChannel channel;

  private PartJournal(Path path, LockedChannel locked) {
    this.path = path;
    this.locked = locked;
    this.channel = locked.channel();
  }

  /**
   * Opens (or creates) the journal and locks it.
   *
   * @throws IllegalStateException if another crawl holds it
   */
  static PartJournal open(Path path) throws IOException {
    return new PartJournal(path, LockedChannel.open(path));
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
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new SnapshotFormatException(path, 0, "is too large for a crawl journal (" + bytes + " bytes)");
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
    locked.close();
  }
}
