package io.hubshare.analytics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Running sums per key (value, models, missing) in flat arrays: keys as UTF-8 bytes in one pool, sums in
 * {@code long[]} columns, an open-addressing table of entry numbers. About 40 bytes per key plus the key's bytes,
 * against some 150 for a {@code HashMap<String, long[]>}: it matters when the keys are hundreds of thousands of
 * families. Each addition costs one hash lookup.
 *
 * <p>Keys match ignoring ASCII case, as the Hub resolves repository ids and account names: a card naming
 * {@code google/gemma-4-e4b-it} means {@code google/gemma-4-E4B-it}, and both must land in one group. The group keeps
 * the first spelling it met until a <em>canonical</em> one arrives (a model's own id or author, as the Hub spells
 * it), which then replaces it. Case variants of an ASCII key have the same length, so the replacement is in place.
 */
final class GroupTotals {
  static final int VALUE = 0;
  static final int MODELS = 1;
  static final int MISSING = 2;

  /** Receives one key's sums. */
  interface Visitor {
    void accept(String key, long value, long models, long missing);
  }

  /** Entry number + 1 per slot, 0 for an empty slot; the length is a power of two, at most half full. */
  private int[] slots = new int[64];
  private int[] hashes = new int[16];
  /** Entry i's key is {@code pool[ends[i - 1], ends[i])} (from 0 for the first). */
  private int[] ends = new int[16];
  private byte[] pool = new byte[256];
  private long[] values = new long[16];
  private long[] models = new long[16];
  private long[] missing = new long[16];
  private boolean[] canonical = new boolean[16];
  private int size;

  /** Adds one model to the key's group; a {@code null} value counts the model as missing. */
  void add(String key, @Nullable Long value) {
    add(key, value, false);
  }

  /** As {@link #add(String, Long)}; {@code canonical} says the key is spelled as the Hub spells it. */
  void add(String key, @Nullable Long value, boolean isCanonical) {
    add(key, value == null ? 0 : value, 1, value == null ? 1 : 0, isCanonical);
  }

  /** Adds a block of sums to the key's group. */
  void add(String key, long value, long modelCount, long missingCount) {
    add(key, value, modelCount, missingCount, false);
  }

  /** Adds a block of sums; {@code canonical} says the key is spelled as the Hub spells it. */
  void add(String key, long value, long modelCount, long missingCount, boolean isCanonical) {
    int e = entry(key, isCanonical);
    values[e] = Math.addExact(values[e], value);
    models[e] += modelCount;
    missing[e] += missingCount;
  }

  /** Adds one model to the group {@link #entry} gave; a {@code null} value counts the model as missing. */
  void add(int entry, @Nullable Long value) {
    if (value == null) {
      models[entry]++;
      missing[entry]++;
    } else {
      values[entry] = Math.addExact(values[entry], value);
      models[entry]++;
    }
  }

  int size() {
    return size;
  }

  /** Every key with its sums, in insertion order. */
  void forEach(Visitor visitor) {
    int start = 0;
    for (int e = 0; e < size; e++) {
      visitor.accept(new String(pool, start, ends[e] - start, StandardCharsets.UTF_8), values[e], models[e],
          missing[e]);
      start = ends[e];
    }
  }

  /** The sums as a map of {value, models, missing} per key, for building a table. */
  Map<String, long[]> toMap() {
    Map<String, long[]> out = new HashMap<>(Math.max(16, size * 2));
    forEach((k, v, m, x) -> out.put(k, new long[] {v, m, x}));
    return out;
  }

  /**
   * The entry of the key's group, made if new; {@code canonical} says the key is spelled as the Hub spells it, and
   * then becomes the group's spelling if no canonical one came before. Entries never move.
   */
  int entry(String key, boolean isCanonical) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int h = hash(bytes);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int e = slots[s] - 1;
      if (e < 0) {
        e = append(bytes, h, isCanonical);
        slots[s] = e + 1;
        if (size * 2 > slots.length) rehash();
        return e;
      }
      if (hashes[e] == h && keyEquals(e, bytes)) {
        if (isCanonical && !canonical[e]) {
          System.arraycopy(bytes, 0, pool, start(e), bytes.length);
          canonical[e] = true;
        }
        return e;
      }
    }
  }

  private int start(int e) {
    return e == 0 ? 0 : ends[e - 1];
  }

  private boolean keyEquals(int e, byte[] bytes) {
    int start = start(e);
    if (ends[e] - start != bytes.length) return false;
    for (int i = 0; i < bytes.length; i++) {
      if (fold(pool[start + i]) != fold(bytes[i])) return false;
    }
    return true;
  }

  private int append(byte[] bytes, int h, boolean isCanonical) {
    if (size == hashes.length) {
      int n = size * 2;
      hashes = Arrays.copyOf(hashes, n);
      ends = Arrays.copyOf(ends, n);
      values = Arrays.copyOf(values, n);
      models = Arrays.copyOf(models, n);
      missing = Arrays.copyOf(missing, n);
      canonical = Arrays.copyOf(canonical, n);
    }
    int start = start(size);
    if (start + bytes.length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, start + bytes.length));
    }
    System.arraycopy(bytes, 0, pool, start, bytes.length);
    hashes[size] = h;
    ends[size] = start + bytes.length;
    canonical[size] = isCanonical;
    return size++;
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int e = 0; e < size; e++) {
      int s = hashes[e] & mask;
      while (bigger[s] != 0) s = (s + 1) & mask;
      bigger[s] = e + 1;
    }
    slots = bigger;
  }

  private static byte fold(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  /** A hash of the case-folded bytes, spread by the finaliser of MurmurHash3. */
  private static int hash(byte[] bytes) {
    int h = 0;
    for (byte b : bytes) h = 31 * h + fold(b);
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
