package io.hubshare.lineage;

import io.hubshare.internal.protocol.RepoIdHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The distinct base-model ids of a {@link LineageIndex}, each stored once as UTF-8 bytes. Thousands of
 * quantizations name the same base: interning it once is where most of the index's memory goes unspent. A
 * reference is the id's position, 0 to {@link #size()} - 1, in the order the ids were first met.
 *
 * <p>Ids are stored as spelled: two spellings of one id (case aside) are two references, which lead to the same
 * model since {@link io.hubshare.internal.protocol.RepoIdHash} ignores case.
 *
 * <p>The bytes lie in chunks of 64 KiB (an id never straddles two), so the pool grows without copying and without
 * objects large enough to need contiguous heap regions; a reference's start is its chunk and offset in one int.
 * While building, an open-addressing table (hash → reference) finds an id already stored; a built index needs
 * neither the table nor the hashes, and {@link #releaseTable()} and {@link #releaseHashes()} give them back.
 */
final class ParentPool {
  private static final int CHUNK_SHIFT = 16;
  private static final int CHUNK = 1 << CHUNK_SHIFT;
  private static final int OFFSET_MASK = CHUNK - 1;
  /** Chunk numbers must fit in the bits left above {@link #CHUNK_SHIFT} of a non-negative int. */
  private static final int MAX_CHUNKS = 1 << (31 - CHUNK_SHIFT);

  private byte[][] chunks = {new byte[256]};
  /** Bytes used in each chunk. */
  private int[] fills = new int[1];
  private int current;
  /** Reference i's bytes start at {@code chunk << CHUNK_SHIFT | offset}. */
  private final IntChunks starts;
  private @Nullable LongChunks hashes;
  /** Slot → reference + 1 (0 marks an empty slot); the size is a power of two, at most half full. */
  private @Nullable IntChunks table;

  /** An empty pool. */
  ParentPool() {
    starts = new IntChunks();
    hashes = new LongChunks();
    table = IntChunks.zeros(512);
  }

  /** A copy of {@code other} that takes new ids, with the same references, even if {@code other} is built. */
  ParentPool(ParentPool other) {
    chunks = new byte[other.chunks.length][];
    for (int c = 0; c <= other.current; c++) chunks[c] = other.chunks[c].clone();
    fills = other.fills.clone();
    current = other.current;
    starts = new IntChunks(other.starts);
    LongChunks h = new LongChunks();
    for (int ref = 0; ref < starts.size(); ref++) h.add(other.hashes == null ? RepoIdHash.of(id(ref)) : other.hash(ref));
    hashes = h;
    int capacity = 512;
    while (h.size() * 2 > capacity) capacity *= 2;
    table = rehash(h, capacity);
  }

  /**
   * The reference of {@code id}, adding it if new.
   *
   * @throws IllegalStateException when {@code limit} ids are stored already, or after {@link #releaseTable()}
   */
  int intern(String id, int limit) {
    IntChunks t = table;
    LongChunks h = hashes;
    if (t == null || h == null) throw new IllegalStateException("the pool of a built index takes no new ids");
    long hash = RepoIdHash.of(id);
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    int mask = t.size() - 1;
    for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
      int entry = t.get(slot);
      if (entry == 0) {
        if (size() >= limit) throw new IllegalStateException("more than " + limit + " distinct base ids");
        int ref = append(hash, utf8);
        t.set(slot, ref + 1);
        if (size() * 2 > t.size()) table = rehash(h, t.size() * 2);
        return ref;
      }
      int ref = entry - 1;
      if (h.get(ref) == hash && bytesEqual(ref, utf8)) return ref;
    }
  }

  private int append(long hash, byte[] utf8) {
    int fill = fills[current];
    byte[] chunk = chunks[current];
    if (fill + utf8.length > chunk.length) {
      if (chunk.length < CHUNK && fill + utf8.length <= CHUNK) {
        chunks[current] = Arrays.copyOf(chunk, Math.min(CHUNK, Math.max(chunk.length * 2, fill + utf8.length)));
      } else {
        newChunk(utf8.length);
        fill = 0;
      }
    }
    System.arraycopy(utf8, 0, chunks[current], fill, utf8.length);
    fills[current] = fill + utf8.length;
    starts.add(current << CHUNK_SHIFT | fill);
    Objects.requireNonNull(hashes).add(hash);
    return starts.size() - 1;
  }

  /** Starts a chunk; an id longer than a chunk gets one of its own size, which then takes no other id. */
  private void newChunk(int length) {
    if (current + 1 == MAX_CHUNKS) throw new IllegalStateException("more than 2 GiB of base ids");
    current++;
    if (current == chunks.length) {
      chunks = Arrays.copyOf(chunks, current * 2);
      fills = Arrays.copyOf(fills, current * 2);
    }
    chunks[current] = new byte[Math.max(CHUNK, length)];
  }

  private static IntChunks rehash(LongChunks hashes, int capacity) {
    IntChunks bigger = IntChunks.zeros(capacity);
    int mask = capacity - 1;
    for (int ref = 0; ref < hashes.size(); ref++) {
      int slot = (int) hashes.get(ref) & mask;
      while (bigger.get(slot) != 0) slot = (slot + 1) & mask;
      bigger.set(slot, ref + 1);
    }
    return bigger;
  }

  private boolean bytesEqual(int ref, byte[] utf8) {
    int start = starts.get(ref);
    int offset = start & OFFSET_MASK;
    return length(ref) == utf8.length
        && Arrays.equals(chunks[start >>> CHUNK_SHIFT], offset, offset + utf8.length, utf8, 0, utf8.length);
  }

  /** The byte length of reference {@code ref}: up to the next id's start in the same chunk, else the chunk's fill. */
  private int length(int ref) {
    int start = starts.get(ref);
    int chunk = start >>> CHUNK_SHIFT;
    int end = ref + 1 < starts.size() && starts.get(ref + 1) >>> CHUNK_SHIFT == chunk
        ? starts.get(ref + 1) & OFFSET_MASK : fills[chunk];
    return end - (start & OFFSET_MASK);
  }

  /** The id of reference {@code ref}. */
  String id(int ref) {
    int start = starts.get(ref);
    return new String(chunks[start >>> CHUNK_SHIFT], start & OFFSET_MASK, length(ref), StandardCharsets.UTF_8);
  }

  /** Whether reference {@code ref} names {@code id}, ignoring case as the Hub does. */
  boolean idEqualsIgnoreCase(int ref, String id) {
    return id(ref).equalsIgnoreCase(id);
  }

  /** The hash of reference {@code ref}'s id; only until {@link #releaseHashes()}. */
  long hash(int ref) {
    LongChunks h = hashes;
    if (h == null) throw new IllegalStateException("the hashes were released");
    return h.get(ref);
  }

  int size() {
    return starts.size();
  }

  /** Drops the lookup table: the pool takes no new ids afterwards. */
  void releaseTable() {
    table = null;
  }

  /** Drops the hashes, once the index has resolved each reference to its node. */
  void releaseHashes() {
    table = null;
    hashes = null;
  }

  /** Heap bytes held by the arrays (array headers included), for footprint reports. */
  long footprintBytes() {
    long bytes = Footprint.ofReferences(chunks.length) + Footprint.of(fills) + starts.footprintBytes();
    for (byte[] c : chunks) {
      if (c != null) bytes += Footprint.of(c);
    }
    LongChunks h = hashes;
    IntChunks t = table;
    return bytes + (h == null ? 0 : h.footprintBytes()) + (t == null ? 0 : t.footprintBytes());
  }
}
