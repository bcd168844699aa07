package io.hubshare.lineage;

import java.util.Arrays;

/**
 * A growable sequence of {@code int}s kept in chunks of {@value #CHUNK} elements. Growing adds a chunk instead of
 * copying everything into an array twice the size, so a full crawl's million keys never exist twice, and no chunk
 * is large enough to need contiguous heap regions of its own (G1 "humongous" objects, which a small heap cannot
 * compact). The first chunk starts small and doubles up to the chunk size, so a small index stays small.
 */
final class IntChunks {
  static final int SHIFT = 15;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private int[][] chunks = {new int[16]};
  private int size;

  /** An empty sequence. */
  IntChunks() {}

  /** {@code n} zeros, for a table addressed by position. */
  static IntChunks zeros(int n) {
    IntChunks z = new IntChunks();
    z.chunks = new int[Math.max(1, chunkCount(n))][];
    z.chunks[0] = new int[Math.min(CHUNK, Math.max(16, n))];
    for (int c = 1; c < z.chunks.length; c++) z.chunks[c] = new int[CHUNK];
    z.size = n;
    return z;
  }

  /** A copy of {@code other}'s elements, in chunks of its own. */
  IntChunks(IntChunks other) {
    chunks = new int[Math.max(1, chunkCount(other.size))][];
    for (int c = 0; c < chunks.length; c++) {
      int[] from = other.chunks[c];
      chunks[c] = from == null ? new int[16] : from.clone();
    }
    size = other.size;
  }

  int size() {
    return size;
  }

  int get(int i) {
    return chunks[i >>> SHIFT][i & MASK];
  }

  void set(int i, int value) {
    chunks[i >>> SHIFT][i & MASK] = value;
  }

  void add(int value) {
    int c = size >>> SHIFT;
    if (c == chunks.length) chunks = Arrays.copyOf(chunks, c * 2);
    int[] chunk = chunks[c];
    int at = size & MASK;
    if (chunk == null) {
      chunk = chunks[c] = new int[CHUNK];
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

  /** Heap bytes of the chunks and their directory. */
  long footprintBytes() {
    long bytes = Footprint.ofReferences(chunks.length);
    for (int[] c : chunks) {
      if (c != null) bytes += Footprint.of(c);
    }
    return bytes;
  }

  private static int chunkCount(int n) {
    return (n + MASK) >>> SHIFT;
  }
}
