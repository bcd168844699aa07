package io.hubshare.lineage;

import java.util.Arrays;

/**
 * A growable sequence of {@code long}s kept in chunks of {@value #CHUNK} elements. Growing adds a chunk instead of
 * copying everything into an array twice the size, so a full crawl's million keys never exist twice, and no chunk
 * is large enough to need contiguous heap regions of its own (G1 "humongous" objects, which a small heap cannot
 * compact). The first chunk starts small and doubles up to the chunk size, so a small index stays small.
 */
final class LongChunks {
  static final int SHIFT = 15;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private long[][] chunks = {new long[16]};
  private int size;

  /** An empty sequence. */
  LongChunks() {}

  /** A copy of {@code other}'s elements, in chunks of its own. */
  LongChunks(LongChunks other) {
    chunks = new long[Math.max(1, chunkCount(other.size))][];
    for (int c = 0; c < chunks.length; c++) {
      long[] from = other.chunks[c];
      chunks[c] = from == null ? new long[16] : from.clone();
    }
    size = other.size;
  }

  int size() {
    return size;
  }

  long get(int i) {
    return chunks[i >>> SHIFT][i & MASK];
  }

  void set(int i, long value) {
    chunks[i >>> SHIFT][i & MASK] = value;
  }

  void add(long value) {
    int c = size >>> SHIFT;
    if (c == chunks.length) chunks = Arrays.copyOf(chunks, c * 2);
    long[] chunk = chunks[c];
    int at = size & MASK;
    if (chunk == null) {
      chunk = chunks[c] = new long[CHUNK];
    } else if (at == chunk.length) {
      chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, at * 2));
    }
    chunk[at] = value;
    size++;
  }

  /** Keeps the first {@code n} elements and gives back the chunks past them. */
  void truncate(int n) {
    if (n < 0 || n > size) throw new IndexOutOfBoundsException(n);
    for (int c = Math.max(1, chunkCount(n)); c < chunks.length; c++) chunks[c] = null;
    size = n;
  }

  /** The position of {@code key} in the ascending elements, or a negative number, as {@link Arrays#binarySearch}. */
  int binarySearch(long key) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = get(mid);
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** Heap bytes of the chunks and their directory. */
  long footprintBytes() {
    long bytes = Footprint.ofReferences(chunks.length);
    for (long[] c : chunks) {
      if (c != null) bytes += Footprint.of(c);
    }
    return bytes;
  }

  private static int chunkCount(int n) {
    return (n + MASK) >>> SHIFT;
  }
}
