package io.hubshare.internal.gzip;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates one gzip member (RFC 1952) read from a file at a given offset, checking its CRC-32 and length as
 * {@link java.util.zip.GZIPInputStream} does. Reads the file by position, so several threads can inflate members
 * of one file at once, each with its own {@code GzipMember}. Not thread-safe.
 */
final class GzipMember {
  /** Where inflated bytes go: straight into the output's array, with no copy. */
  interface Output {
    /** The array to inflate into; it has room from {@link #position()} on. */
    byte[] array();

    int position();

    /** {@code n} bytes were written at {@link #position()}; make room for more. */
    void wrote(int n) throws IOException;
  }

  /** Thrown when a member would go past the limits of a speculative attempt; the attempt is given up. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("member larger than the limit of a speculative attempt", null);
    }
  }

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final FileChannel channel;
  private final long size;
  private final ByteBuffer input;
  /** The file offset of {@code input}'s first byte. */
  private long inputAt = -1;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();

  GzipMember(FileChannel channel, long size, int inputBuffer) {
    this.channel = channel;
    this.size = size;
    this.input = ByteBuffer.allocate(inputBuffer);
    input.limit(0);
  }

  /**
   * Whether a gzip header, of the shape {@link java.util.zip.GZIPOutputStream} and zlib write (no optional
   * fields), starts at {@code pos} in {@code bytes}: the pattern speculative splitting looks for.
   */
  static boolean looksLikeHeader(byte[] bytes, int pos, int end) {
    return pos + 10 <= end && bytes[pos] == (byte) 0x1f && bytes[pos + 1] == (byte) 0x8b && bytes[pos + 2] == 8
        && bytes[pos + 3] == 0;
  }

  /**
   * Whether the bytes at {@code pos} start a gzip header ({@code 1f 8b 08}); {@code false} at the end of the file
   * or before anything else, which {@link java.util.zip.GZIPInputStream} takes as the end of the data.
   */
  boolean headerAt(long pos) throws IOException {
    if (size - pos < 10) return false;
    return byteAt(pos) == 0x1f && byteAt(pos + 1) == 0x8b && byteAt(pos + 2) == 8;
  }

  /**
   * Inflates the member starting at {@code pos} into {@code out}.
   *
   * @param maxCompressed give up ({@link TooLarge}) past this many compressed bytes; {@code Long.MAX_VALUE} for none
   * @return the offset just after the member's trailer
   * @throws ZipException if the bytes are not a valid member
   * @throws EOFException if the file ends inside the member
   */
  long inflate(long pos, Output out, long maxCompressed) throws IOException {
    long p = header(pos);
    inflater.reset();
    crc.reset();
    long total = 0;
    try {
      while (true) {
        if (inflater.needsInput()) {
          if (p - pos > maxCompressed) throw new TooLarge();
          if (p >= size) throw new EOFException("unexpected end of gzip data");
          fill(p);
          int off = (int) (p - inputAt);
          inflater.setInput(input.array(), off, input.limit() - off);
          p += input.limit() - off;
        }
        byte[] a = out.array();
        int at = out.position();
        int n = inflater.inflate(a, at, a.length - at);
        if (n > 0) {
          crc.update(a, at, n);
          total += n;
          out.wrote(n);
        } else if (inflater.finished()) {
          break;
        } else if (inflater.needsDictionary()) {
          throw new ZipException("a gzip member needs a preset dictionary");
        }
      }
    } catch (DataFormatException e) {
      throw new ZipException(e.getMessage() == null ? "invalid deflate data" : e.getMessage());
    }
    long end = p - inflater.getRemaining();
    if (size - end < 8) throw new EOFException("unexpected end of gzip data");
    long storedCrc = u32(end);
    long storedSize = u32(end + 4);
    if (storedCrc != crc.getValue()) throw new ZipException("corrupt gzip trailer (CRC-32)");
    if (storedSize != (total & 0xffffffffL)) throw new ZipException("corrupt gzip trailer (size)");
    return end + 8;
  }

  /** Reads the header at {@code pos}; returns the offset of the deflate data. */
  private long header(long pos) throws IOException {
    if (size - pos < 10) throw new EOFException("unexpected end of gzip data");
    if (byteAt(pos) != 0x1f || byteAt(pos + 1) != 0x8b) throw new ZipException("not in GZIP format");
    if (byteAt(pos + 2) != 8) throw new ZipException("unsupported compression method");
    int flags = byteAt(pos + 3);
    long p = pos + 10;
    if ((flags & FEXTRA) != 0) {
      int len = byteAt(p) | byteAt(p + 1) << 8;
      p += 2 + len;
    }
    if ((flags & FNAME) != 0) {
      while (byteAt(p++) != 0) {
        // skip the file name
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (byteAt(p++) != 0) {
        // skip the comment
      }
    }
    if ((flags & FHCRC) != 0) p += 2;
    if (p > size) throw new EOFException("unexpected end of gzip data");
    return p;
  }

  private long u32(long pos) throws IOException {
    return (long) byteAt(pos) | (long) byteAt(pos + 1) << 8 | (long) byteAt(pos + 2) << 16
        | (long) byteAt(pos + 3) << 24;
  }

  private int byteAt(long pos) throws IOException {
    if (pos >= size) throw new EOFException("unexpected end of gzip data");
    if (inputAt < 0 || pos < inputAt || pos >= inputAt + input.limit()) fill(pos);
    return input.get((int) (pos - inputAt)) & 0xff;
  }

  /** Loads the input buffer from {@code pos}. */
  private void fill(long pos) throws IOException {
    input.clear();
    long at = pos;
    while (input.hasRemaining() && at < size) {
      int n = channel.read(input, at);
      if (n < 0) break;
      at += n;
    }
    input.flip();
    inputAt = pos;
    if (input.limit() == 0) throw new EOFException("unexpected end of gzip data");
  }

  void close() {
    inflater.end();
  }
}
