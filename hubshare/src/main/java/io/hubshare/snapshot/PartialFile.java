package io.hubshare.snapshot;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The model lines of a crawl in progress: one gzip member per page, appended and synced before the checkpoint
 * moves past it. Concatenated gzip members are one valid gzip stream, so the file can be copied as it is behind
 * the header of the final snapshot. Held under an exclusive lock while a crawl writes it.
 */
final class PartialFile implements Closeable {
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  /** SHA-256 of the bytes kept so far: the prefix {@link #scan} read, then every member appended. */
  private MessageDigest digest = sha256();

  private PartialFile(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the partial file and locks it.
   *
   * @throws IllegalStateException if another crawl holds it
   */
  static PartialFile open(Path path) throws IOException {
    LockedChannel locked = LockedChannel.open(path);
    return new PartialFile(path, locked.channel(), locked.lock());
  }

  /**
   * Cuts the file back to the {@code bytes} its checkpoint vouches for, dropping a page written (wholly or in part)
   * after the last checkpoint.
   *
   * @throws SnapshotFormatException if the file is shorter than that: the crawl state is damaged
   */
  void restoreTo(long bytes, Path checkpoint) throws IOException {
    long size = channel.size();
    if (size < bytes) {
      throw new SnapshotFormatException(path, 0, "holds " + size + " bytes but the checkpoint " + checkpoint
          + " vouches for " + bytes + ": the crawl state is damaged; delete both files to start again");
    }
    if (size > bytes) {
      LOG.log(System.Logger.Level.DEBUG, "dropping {0} bytes of {1} written after the last checkpoint",
          size - bytes, path);
      channel.truncate(bytes);
      channel.force(true);
    }
  }

  /**
   * Appends {@code lines} as one gzip member and syncs it.
   *
   * @return the file's new length
   */
  long append(List<String> lines) throws IOException {
    long size = channel.size();
    if (lines.isEmpty()) return size;
    byte[] member = Gzip.member(lines);
    try {
      Durable.writeFully(channel, ByteBuffer.wrap(member), size);
      channel.force(true);
    } catch (IOException e) {
      throw Durable.cannotWrite(path, e);
    }
    digest.update(member);
    return size + member.length;
  }

  /**
   * Reads the first {@code bytes} back, adding every id to {@code seen}.
   *
   * @return the number of model lines
   * @throws SnapshotFormatException if those bytes are not whole gzip members of JSON lines
   */
  long scan(long bytes, IdHashSet seen) throws IOException {
    digest = sha256();
    if (bytes == 0) return 0;
    long lines = 0;
    DigestInputStream hashed = new DigestInputStream(new Slice(channel, bytes), digest);
    try (Lines r = new Lines(path, new GZIPInputStream(hashed, 1 << 16))) {
      for (String line = r.next(); line != null; line = r.next()) {
        lines++;
        try {
          seen.add(SnapshotJson.idOf(line));
        } catch (IllegalArgumentException e) {
          throw new SnapshotFormatException(path, lines, e.getMessage() + "; the crawl state is damaged: delete it "
              + "and its checkpoint to start again");
        }
      }
      // Whatever gzip left unread (its trailer is read; a member's padding may not be) still counts in the hash.
      hashed.transferTo(OutputStream.nullOutputStream());
    } catch (EOFException | ZipException e) {
      throw new SnapshotFormatException(path, lines + 1, "the pages before the checkpoint are not whole gzip data ("
          + e.getMessage() + "); the crawl state is damaged: delete it and its checkpoint to start again");
    } catch (SnapshotFormatException e) {
      throw new SnapshotFormatException(path, e.lineNumber(), e.problem() + "; the crawl state is damaged: delete it "
          + "and its checkpoint to start again");
    }
    return lines;
  }

  /** The SHA-256 of the bytes kept (scanned and appended), in hex: what the checkpoint vouches for. */
  String sha256Hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e); // SHA-256 clones on every JDK
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has it
    }
  }

  /** Copies the first {@code bytes} to the end of {@code target}. */
  void copyTo(FileChannel target, long bytes) throws IOException {
    long done = 0;
    long at = target.size();
    while (done < bytes) {
      long n = channel.transferTo(done, bytes - done, target.position(at + done));
      if (n <= 0) throw new EOFException(path + " ended before " + bytes + " bytes");
      done += n;
    }
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

  /**
   * The first bytes of the channel as a stream that does not close it. {@link #available()} is exact, which
   * {@link GZIPInputStream} needs to read past the first member on Java 17.
   */
  private static final class Slice extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long position;

    Slice(FileChannel channel, long end) {
      this.channel = channel;
      this.end = end;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      if (position >= end) return -1;
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
      if (n < 0) return -1;
      position += n;
      return n;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
  }
}
