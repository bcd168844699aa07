package io.hubshare.snapshot;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a snapshot or crawl-state file, read from bytes: each line at most {@link #MAX_LINE_BYTES} long and
 * strict UTF-8, or a {@link SnapshotFormatException} naming the file and the line. A {@code BufferedReader} would
 * build a 3 GB line in memory before anything could object, and report bad bytes lines away from where they are;
 * this never holds more than one line and the buffer, and knows the line of every fault.
 *
 * <p>Lines end with {@code \n}; a {@code \r} before it is dropped.
 */
final class Lines implements Closeable {
  /**
   * The longest line read: 32 MiB, as large as the largest body the client accepts by default, and some 1,300 times
   * the longest model of the 2026-08 sample (25 KB).
   */
  static final int MAX_LINE_BYTES = 32 << 20;

  private final Path file;
  private final InputStream in;
  private final int maxLine;
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long number;

  Lines(Path file, InputStream in) {
    this(file, in, MAX_LINE_BYTES);
  }

  Lines(Path file, InputStream in, int maxLine) {
    this.file = file;
    this.in = in;
    this.maxLine = maxLine;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  /**
   * The next line, or {@code null} at the end of the file.
   *
   * @throws SnapshotFormatException if the line is longer than the bound or not UTF-8, or the gzip data is cut short
   *     or corrupt (naming the line)
   */
  @Nullable String next() throws IOException {
    int checked = 0; // bytes after start known to hold no line end; fill() may move start
    while (true) {
      for (int i = start + checked; i < end; i++) {
        if (buffer[i] == '\n') {
          int len = i - start;
          if (len > 0 && buffer[i - 1] == '\r') len--;
          String line = decode(start, len);
          start = i + 1;
          return line;
        }
      }
      checked = end - start;
      if (eof) {
        if (start == end) return null;
        String line = decode(start, end - start);
        start = end;
        return line;
      }
      if (end - start > maxLine) {
        throw new SnapshotFormatException(file, number + 1, "a line longer than " + (maxLine >> 20 > 0
            ? (maxLine >> 20) + " MiB" : maxLine + " bytes") + ": not a model line (the file is damaged or not a "
            + "snapshot)");
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      int grown = (int) Math.min((long) buffer.length * 2, (long) maxLine + 2);
      if (grown <= buffer.length) grown = buffer.length + 1;
      byte[] bigger = new byte[grown];
      System.arraycopy(buffer, 0, bigger, 0, end);
      buffer = bigger;
    }
    int n;
    try {
      n = in.read(buffer, end, buffer.length - end);
    } catch (EOFException e) {
      throw new SnapshotFormatException(file, number + 1, "the file is truncated: its gzip data ends inside this line");
    } catch (ZipException e) {
      throw new SnapshotFormatException(file, number + 1, "corrupt gzip data (" + e.getMessage() + ")");
    }
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  private String decode(int from, int len) throws SnapshotFormatException {
    number++;
    if (len > maxLine) {
      throw new SnapshotFormatException(file, number, "a line longer than " + (maxLine >> 20 > 0
          ? (maxLine >> 20) + " MiB" : maxLine + " bytes") + ": not a model line (the file is damaged or not a "
          + "snapshot)");
    }
    String s = new String(buffer, from, len, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') >= 0) {
      // A replacement character: bad bytes, or a U+FFFD the text really holds. Only a strict decoding can tell.
      try {
        strict.reset().decode(ByteBuffer.wrap(buffer, from, len));
      } catch (CharacterCodingException e) {
        throw new SnapshotFormatException(file, number, "not UTF-8 text");
      }
    }
    return s;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
