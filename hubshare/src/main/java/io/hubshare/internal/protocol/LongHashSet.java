package io.hubshare.internal.protocol;

/**
 * A set of non-zero 64-bit hashes in one open-addressing {@code long[]}, at most half full: 16 to 32 bytes per
 * element, several times less than a {@code HashSet<String>} of the ids they stand for. What hubshare uses to
 * remember the ids a listing or a snapshot has shown ({@link RepoIdHash}), and the pages a listing has visited.
 */
public final class LongHashSet {
  private long[] table;
  private int size;

  /** An empty set that grows as hashes come. */
  public LongHashSet() {
    this(0);
  }

  /**
   * An empty set with room for {@code expected} hashes before it grows: a set sized once never holds its old and
   * new tables at the same time, which is what caps a large snapshot's heap.
   */
  public LongHashSet(long expected) {
    long slots = 1024;
    while (slots < expected * 2 && slots < (1L << 30)) slots <<= 1;
    table = new long[(int) slots];
  }

  /**
   * Adds the hash; {@code false} if it was there already.
   *
   * @param h a hash; 0 is taken as 1 (0 marks a free slot)
   */
  public boolean add(long h) {
    long key = h == 0 ? 1 : h;
    if (size * 2 >= table.length) grow();
    int mask = table.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      if (table[i] == 0) {
        table[i] = key;
        size++;
        return true;
      }
      if (table[i] == key) return false;
    }
  }

  /** Whether the hash is in the set. */
  public boolean contains(long h) {
    long key = h == 0 ? 1 : h;
    int mask = table.length - 1;
    for (int i = (int) key & mask; table[i] != 0; i = (i + 1) & mask) {
      if (table[i] == key) return true;
    }
    return false;
  }

  /** How many hashes the set holds. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h == 0) continue;
      int i = (int) h & mask;
      while (table[i] != 0) i = (i + 1) & mask;
      table[i] = h;
    }
  }
}
