package io.hubshare.internal.gzip;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The inflated bytes of a gzip file, inflated ahead of the reader on other threads. The same bytes as
 * {@link java.util.zip.GZIPInputStream} over the file (concatenated members included, trailing bytes that are not a
 * member ignored), with every member's CRC-32 and length checked.
 *
 * <p><b>Many members</b> (a crawl writes one per page): the file is cut into blocks of {@value #BLOCK} compressed
 * bytes and each block is inflated by a pool thread, member by member, from the first gzip header found in it. A
 * header found by scanning may be a false one inside compressed data: a block's members are used only when one of
 * them starts exactly where the previous member ended, which only inflating the previous member tells. When none
 * does, the rest of the file is inflated in order on one thread, as below. At most {@code threads + 1} blocks are
 * in flight (fewer in a small heap): some 1 MB of inflated text each, in pieces of 128 KiB.
 *
 * <p><b>One member</b> (what {@code gzip} or one {@code GZIPOutputStream} writes): deflate data cannot be split
 * without an index, so one thread inflates ahead of the reader, which overlaps inflating and parsing.
 *
 * <p>Which one: the first member is inflated on its own; if it ends within the first {@value #FIRST_MEMBER_LIMIT}
 * bytes, the file is taken to be of many members. Not thread-safe; close it to stop the threads.
 */
public final class ParallelGunzip extends InputStream {
  static final int BLOCK = 128 * 1024;
  static final int FIRST_MEMBER_LIMIT = 256 * 1024;
  /** A speculative member larger than this is left to the in-order path. */
  private static final long MAX_SPECULATIVE = 16L * 1024 * 1024;
  /** The chunks the in-order path hands over. */
  private static final int CHUNK = 256 * 1024;
  /**
   * A block's inflated bytes are kept in pieces this large: the members starting in a block inflate to some 2 MB
   * (text compresses about 8:1), and one array that large would be a humongous object for G1 in a small heap.
   */
  private static final int PIECE = 128 * 1024;

  private final FileChannel channel;
  private final long size;
  private final int threads;
  private @Nullable Chunks source;
  private byte[] chunk = new byte[0];
  private int pos;
  private int end;
  private boolean closed;

  private ParallelGunzip(FileChannel channel, int threads) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    this.threads = threads;
  }

  /** The inflated bytes of {@code file}, with as many threads as the machine has processors. */
  public static InputStream open(Path file) throws IOException {
    return open(file, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The inflated bytes of {@code file}, inflated by up to {@code threads} threads besides the reader's.
   *
   * @throws IOException if the file cannot be opened, or does not start with a gzip member
   */
  public static InputStream open(Path file, int threads) throws IOException {
    return open(FileChannel.open(file, StandardOpenOption.READ), threads);
  }

  /** As {@link #open(Path, int)}, over a channel it closes when it is closed or fails to start. */
  static InputStream open(FileChannel ch, int threads) throws IOException {
    try {
      ParallelGunzip in = new ParallelGunzip(ch, Math.max(1, threads));
      in.start();
      return in;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * The bytes of {@code file}: inflated as {@link #open(Path, int)} inflates them if it starts with the gzip magic,
   * else as they are (a snapshot written without compression).
   */
  public static InputStream openInflatedOrPlain(Path file, int threads) throws IOException {
    try (InputStream probe = Files.newInputStream(file)) {
      if (probe.read() != 0x1f || probe.read() != 0x8b) return Files.newInputStream(file);
    }
    return open(file, threads);
  }

  /** Inflates the first member here, then picks the way to read the rest. */
  private void start() throws IOException {
    GzipMember first = new GzipMember(channel, size, 64 * 1024);
    Pieces c = new Pieces();
    long next;
    try {
      next = first.inflate(0, c, FIRST_MEMBER_LIMIT);
    } catch (GzipMember.TooLarge e) {
      first.close();
      source = new InOrder(0);
      return;
    }
    first.close();
    Chunks rest = threads > 1 && next < size ? new Speculative(next) : new InOrder(next);
    source = new Prefixed(c, rest);
  }

  @Override
  public int read() throws IOException {
    if (pos >= end && !advance()) return -1;
    return chunk[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pos >= end && !advance()) return -1;
    int n = Math.min(len, end - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }

  private boolean advance() throws IOException {
    if (closed) throw new IOException("stream closed");
    while (pos >= end) {
      Chunk c = source == null ? null : source.next();
      if (c == null) return false;
      if (source != null && chunk.length > 0) source.recycle(chunk);
      chunk = c.bytes;
      pos = c.offset;
      end = c.offset + c.length;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    if (source != null) source.close();
    channel.close();
  }

  /** A run of inflated bytes. */
  private static final class Chunk {
    final byte[] bytes;
    final int offset;
    final int length;

    Chunk(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
    }
  }

  /** The inflated bytes, chunk by chunk, in order. */
  private interface Chunks {
    @Nullable Chunk next() throws IOException;

    /** Takes back the array of a chunk the reader is done with, to inflate into again. */
    default void recycle(byte[] array) {}

    void close();
  }

  /** Some bytes already inflated, then the rest. */
  private static final class Prefixed implements Chunks {
    private final Pieces first;
    private int piece;
    private final Chunks rest;

    Prefixed(Pieces first, Chunks rest) {
      this.first = first;
      this.rest = rest;
    }

    @Override
    public @Nullable Chunk next() throws IOException {
      if (piece < first.pieces.size()) {
        int p = piece++;
        int len = p == first.pieces.size() - 1 ? (int) (first.length - (long) p * PIECE) : PIECE;
        if (len > 0) return new Chunk(first.pieces.get(p), 0, len);
      }
      return rest.next();
    }

    @Override
    public void recycle(byte[] array) {
      rest.recycle(array);
    }

    @Override
    public void close() {
      rest.close();
    }
  }

  /** Members inflated one after the other on one thread, a few chunks ahead of the reader. */
  private final class InOrder implements Chunks {
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    /** Arrays the reader is done with: inflating into them again spares allocating and zeroing each chunk. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(10);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile @Nullable Error failure;
    private boolean done;

    InOrder(long from) {
      thread = new Thread(() -> run(from), "hubshare-gunzip");
      thread.setDaemon(true);
      thread.start();
    }

    private void run(long from) {
      GzipMember m = null;
      try {
        // Made inside the try: its buffer may be what the heap has no room for.
        m = new GzipMember(channel, size, 256 * 1024);
        long p = from;
        // As GZIPInputStream: bytes after a member that do not start another one end the data.
        GzipMember.Output chunks = new GzipMember.Output() {
          byte[] buffer = new byte[CHUNK];
          int at;

          @Override
          public byte[] array() {
            return buffer;
          }

          @Override
          public int position() {
            return at;
          }

          @Override
          public void wrote(int n) {
            if (stopped) throw new CancellationException("closed");
            at += n;
            if (at == buffer.length) {
              put(new Chunk(buffer, 0, at));
              byte[] again = free.poll();
              buffer = again != null ? again : new byte[CHUNK];
              at = 0;
            }
          }
        };
        while (!stopped && m.headerAt(p)) {
          p = m.inflate(p, chunks, Long.MAX_VALUE);
        }
        if (chunks.position() > 0) put(new Chunk(chunks.array(), 0, chunks.position()));
        put(Boolean.TRUE);
      } catch (IOException e) {
        put(e);
      } catch (RuntimeException e) {
        put(new IOException(e));
      } catch (Error e) {
        // Out of memory, say. Handing it over through the queue could need memory itself: the reader finds it here.
        failure = e;
      } finally {
        if (m != null) m.close();
      }
    }

    private void put(Object o) {
      try {
        while (!stopped && !queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
          // wait for the reader, or for close
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }

    @Override
    public @Nullable Chunk next() throws IOException {
      if (done) return null;
      Object o;
      try {
        // Waits in steps, so that a thread that ended without a word (an error) cannot leave the reader waiting.
        while ((o = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
          if (thread.isAlive() || !queue.isEmpty()) continue;
          done = true;
          Error e = failure;
          if (e != null) throw e;
          throw new IOException("the inflating thread stopped before the end of the data");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while inflating");
      }
      if (o instanceof Chunk) return (Chunk) o;
      done = true;
      if (o instanceof IOException) throw copy((IOException) o);
      return null;
    }

    @Override
    public void recycle(byte[] array) {
      if (array.length == CHUNK) free.offer(array);
    }

    @Override
    public void close() {
      // No interrupt: an interrupt during a read would close the file channel for every reader.
      stopped = true;
      // The chunks read ahead are garbage now, at once: after an out-of-memory error the caller needs the room.
      queue.clear();
      free.clear();
    }
  }

  /** Inflated bytes in pieces of {@link #PIECE}, all full but the last. */
  private static final class Pieces implements GzipMember.Output {
    final ArrayList<byte[]> pieces = new ArrayList<>();
    int at = PIECE;
    long length;

    @Override
    public byte[] array() {
      if (at == PIECE) {
        pieces.add(new byte[PIECE]);
        at = 0;
      }
      return pieces.get(pieces.size() - 1);
    }

    @Override
    public int position() {
      array();
      return at;
    }

    @Override
    public void wrote(int n) {
      at += n;
      length += n;
    }

    /** Forgets everything after the first {@code keep} bytes: a speculative member that failed. */
    void truncate(long keep) {
      int full = (int) (keep / PIECE);
      int rest = (int) (keep % PIECE);
      int wanted = rest == 0 ? full : full + 1;
      while (pieces.size() > wanted) pieces.remove(pieces.size() - 1);
      at = rest == 0 ? PIECE : rest;
      length = keep;
    }
  }

  /** The members one block of the file holds, from the first header found in it. */
  private static final class Block {
    final long[] starts;
    final long[] ends;
    /** Member i's bytes are bytes {@code [dataEnds[i - 1], dataEnds[i])} of the pieces. */
    final long[] dataEnds;
    final Pieces data;
    final int count;

    Block(long[] starts, long[] ends, long[] dataEnds, Pieces data, int count) {
      this.starts = starts;
      this.ends = ends;
      this.dataEnds = dataEnds;
      this.data = data;
      this.count = count;
    }

    int indexOf(long start) {
      for (int i = 0; i < count; i++) {
        if (starts[i] == start) return i;
        if (starts[i] > start) break;
      }
      return -1;
    }
  }

  /** Blocks inflated by a pool, consumed in order; falls back to {@link InOrder} where the chain breaks. */
  private final class Speculative implements Chunks {
    private final ExecutorService pool;
    private final ArrayDeque<Future<Block>> window = new ArrayDeque<>();
    private final long blocks;
    /** The block of the window's first future. */
    private long windowStart;
    private long nextToSubmit;
    private long expected;
    /** The block being handed on, from {@code emitted} to its end. */
    private @Nullable Block current;
    private long emitted;
    private @Nullable InOrder fallback;
    private volatile boolean stopped;
    /**
     * Blocks in flight: {@code threads + 1}, fewer in a small heap (at most a 32nd of it: a computation that keeps a
     * lineage index in 48 MiB must not lose it to read-ahead).
     */
    private final int inFlight = (int) Math.max(1, Math.min(threads + 1,
        Runtime.getRuntime().maxMemory() / 32 / (10L * BLOCK)));

    Speculative(long from) {
      this.expected = from;
      this.blocks = (size + BLOCK - 1) / BLOCK;
      this.windowStart = from / BLOCK;
      this.nextToSubmit = windowStart;
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "hubshare-gunzip");
        t.setDaemon(true);
        return t;
      });
      fill();
    }

    private void fill() {
      while (nextToSubmit < blocks && window.size() < inFlight) {
        long b = nextToSubmit++;
        window.add(pool.submit(() -> inflateBlock(b)));
      }
    }

    @Override
    public @Nullable Chunk next() throws IOException {
      if (fallback != null) return fallback.next();
      while (true) {
        Block c = current;
        if (c != null) {
          long end = c.dataEnds[c.count - 1];
          if (emitted < end) {
            int piece = (int) (emitted / PIECE);
            int off = (int) (emitted % PIECE);
            int len = (int) Math.min(PIECE - off, end - emitted);
            emitted += len;
            return new Chunk(c.data.pieces.get(piece), off, len);
          }
          current = null;
        }
        if (expected >= size) return null;
        long b = expected / BLOCK;
        while (windowStart < b && !window.isEmpty()) {
          window.poll().cancel(false);
          windowStart++;
          fill();
        }
        Block found = null;
        if (windowStart == b && !window.isEmpty()) found = await(window.peek());
        int i = found == null ? -1 : found.indexOf(expected);
        if (i < 0) {
          // The chain breaks here (a header of another shape, a member too large to guess, the end of the data):
          // inflate the rest in order.
          close();
          InOrder rest = new InOrder(expected);
          fallback = rest;
          return rest.next();
        }
        // The block's members from i on follow one another: hand them all on.
        current = found;
        emitted = i == 0 ? 0 : found.dataEnds[i - 1];
        expected = found.ends[found.count - 1];
        window.poll();
        windowStart++;
        fill();
      }
    }

    private @Nullable Block await(Future<Block> f) throws IOException {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while inflating");
      } catch (ExecutionException | CancellationException e) {
        return null; // the in-order path meets the same bytes and reports them
      }
    }

    private Block inflateBlock(long b) throws IOException {
      long blockStart = b * BLOCK;
      long blockEnd = Math.min(size, blockStart + BLOCK);
      GzipMember m = new GzipMember(channel, size, 128 * 1024);
      Pieces data = new Pieces();
      long[] starts = new long[8];
      long[] ends = new long[8];
      long[] dataEnds = new long[8];
      int count = 0;
      try {
        long p = findHeader(blockStart, blockEnd);
        while (p >= 0 && p < blockEnd && !stopped) {
          long mark = data.length;
          long e;
          try {
            e = m.inflate(p, data, MAX_SPECULATIVE);
          } catch (IOException failed) {
            data.truncate(mark);
            if (count > 0) break;
            p = findHeader(p + 1, blockEnd); // a false header: look further
            continue;
          }
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            dataEnds = Arrays.copyOf(dataEnds, count * 2);
          }
          starts[count] = p;
          ends[count] = e;
          dataEnds[count] = data.length;
          count++;
          p = e < size && m.headerAt(e) ? e : -1;
        }
      } finally {
        m.close();
      }
      return new Block(starts, ends, dataEnds, data, count);
    }

    /** The offset of the first byte pattern of a gzip header in {@code [from, to)}, or -1. */
    private long findHeader(long from, long to) throws IOException {
      byte[] buf = new byte[(int) Math.min(BLOCK + 16, size - from)];
      int n = 0;
      while (n < buf.length) {
        int r = channel.read(java.nio.ByteBuffer.wrap(buf, n, buf.length - n), from + n);
        if (r < 0) break;
        n += r;
      }
      int limit = (int) Math.min(n, to - from + 10);
      for (int i = 0; i + 10 <= limit; i++) {
        if (GzipMember.looksLikeHeader(buf, i, limit)) return from + i;
      }
      return -1;
    }

    @Override
    public void close() {
      // No interrupt: an interrupt during a read would close the file channel for every reader.
      stopped = true;
      for (Future<Block> f : window) f.cancel(false);
      window.clear();
      pool.shutdown();
      if (fallback != null) fallback.close();
    }
  }

  private static IOException copy(IOException e) {
    // Thrown again on the reader's thread: keep the original as the cause for its stack.
    if (e instanceof java.util.zip.ZipException) {
      java.util.zip.ZipException z = new java.util.zip.ZipException(e.getMessage());
      z.initCause(e);
      return z;
    }
    if (e instanceof java.io.EOFException) {
      java.io.EOFException eof = new java.io.EOFException(e.getMessage());
      eof.initCause(e);
      return eof;
    }
    return new IOException(e.getMessage(), e);
  }

}
