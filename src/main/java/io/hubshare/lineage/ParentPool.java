package io.hubshare.lineage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The distinct base-model ids of a {@link LineageIndex}, each stored once as UTF-8 bytes in one shared array.
 * Thousands of quantizations name the same base: interning it once is where most of the index's memory goes
 * unspent. A reference is the id's position, 0 to {@link #size()} - 1.
 *
 * <p>Ids are stored as spelled: two spellings of one id (case aside) are two references, which lead to the same
 * model since {@link IdHash} ignores case.
 *
 * <p>While building, an open-addressing table (hash → reference) finds an id already stored; {@link #frozen()}
 * drops the table and the hashes and trims the arrays.
 */
final class ParentPool {
  private byte[] bytes;
  private int byteCount;
  /** Start of reference i's bytes; {@code offsets[size]} is the end of the last. */
  private int[] offsets;
  private long[] hashes;
  private int size;
  /** Slot → reference + 1 (0 marks an empty slot); null once frozen. */
  private int @Nullable [] table;

  ParentPool() {
    bytes = new byte[1 << 12];
    offsets = new int[257];
    hashes = new long[256];
    table = new int[512];
  }

  private ParentPool(byte[] bytes, int[] offsets, int size) {
    this.bytes = bytes;
    this.byteCount = bytes.length;
    this.offsets = offsets;
    this.hashes = new long[0];
    this.size = size;
    this.table = null;
  }

  /** The reference of {@code id}, adding it if new. */
  int intern(String id) {
    int[] t = table;
    if (t == null) throw new IllegalStateException("the pool of a built index takes no new ids");
    long h = IdHash.of(id);
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    int mask = t.length - 1;
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int entry = t[slot];
      if (entry == 0) {
        int ref = append(h, utf8);
        t[slot] = ref + 1;
        if (size * 2 > t.length) rehash(t.length * 2);
        return ref;
      }
      int ref = entry - 1;
      if (hashes[ref] == h && Arrays.equals(bytes, offsets[ref], offsets[ref + 1], utf8, 0, utf8.length)) {
        return ref;
      }
    }
  }

  private int append(long h, byte[] utf8) {
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2 + 1);
    }
    if (byteCount + utf8.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + utf8.length));
    }
    System.arraycopy(utf8, 0, bytes, byteCount, utf8.length);
    byteCount += utf8.length;
    hashes[size] = h;
    offsets[size + 1] = byteCount;
    return size++;
  }

  private void rehash(int capacity) {
    int[] bigger = new int[capacity];
    int mask = bigger.length - 1;
    for (int ref = 0; ref < size; ref++) {
      int slot = (int) hashes[ref] & mask;
      while (bigger[slot] != 0) slot = (slot + 1) & mask;
      bigger[slot] = ref + 1;
    }
    table = bigger;
  }

  /** The id of reference {@code ref}. */
  String id(int ref) {
    return new String(bytes, offsets[ref], offsets[ref + 1] - offsets[ref], StandardCharsets.UTF_8);
  }

  /** Whether reference {@code ref} names {@code id}, ignoring case as the Hub does. */
  boolean idEqualsIgnoreCase(int ref, String id) {
    return id(ref).equalsIgnoreCase(id);
  }

  /** The hash of reference {@code ref}'s id; only while building (a frozen pool keeps no hashes). */
  long hash(int ref) {
    return hashes[ref];
  }

  int size() {
    return size;
  }

  /** An immutable copy with trimmed arrays and no lookup table, for a built index. */
  ParentPool frozen() {
    return new ParentPool(Arrays.copyOf(bytes, byteCount), Arrays.copyOf(offsets, size + 1), size);
  }

  /** Heap bytes held by the arrays (array headers included), for footprint reports. */
  long footprintBytes() {
    int[] t = table;
    return Footprint.of(bytes) + Footprint.of(offsets) + Footprint.of(hashes) + (t == null ? 0 : Footprint.of(t));
  }
}
