package io.hubshare.snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Tells files apart by their first and last bytes, and counts the model lines of a file without a header. */
final class FileFormats {
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private FileFormats() {}

  /** Whether {@code in} starts with the gzip magic; the stream is left where it was. */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    try {
      return in.read() == 0x1f && in.read() == 0x8b;
    } finally {
      in.reset();
    }
  }

  /** Whether {@code file} begins and ends with {@code PAR1}, as every Parquet file does. */
  static boolean isParquet(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 12) return false;
      return magicAt(ch, 0) && magicAt(ch, size - 4);
    }
  }

  private static boolean magicAt(FileChannel ch, long position) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) return false;
    }
    for (int i = 0; i < 4; i++) {
      if (b.get(i) != PARQUET_MAGIC[i]) return false;
    }
    return true;
  }

  /**
   * The number of non-blank lines of a gzip or plain file, read as bytes (no decoding, no parsing): the model count
   * of a JSON Lines file without a header.
   *
   * @throws SnapshotFormatException if its gzip data is corrupt or cut short
   */
  static long countLines(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
      byte[] buf = new byte[1 << 16];
      long lines = 0;
      boolean content = false;
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          byte c = buf[i];
          if (c == '\n' || c == '\r') {
            if (content) lines++;
            content = false;
          } else if (c != ' ' && c != '\t') {
            content = true;
          }
        }
      }
      return content ? lines + 1 : lines;
    } catch (ZipException | java.io.EOFException e) {
      throw new SnapshotFormatException(file, 0, "truncated or corrupt gzip data (" + e.getMessage() + ")");
    }
  }
}
