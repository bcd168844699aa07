package io.hubshare.analytics;

import io.hubshare.internal.protocol.RepoIdHash;

/**
 * The ids a pass over a snapshot has met, ignoring case, as {@link io.hubshare.snapshot.Snapshot#stream()} counts
 * them: each repository once, at its first record. One open-addressing table of 64-bit hashes
 * ({@link RepoIdHash#quick}, which readers of stored fields give), sized once from the snapshot's model count and at
 * most three quarters full: 10 to 14 bytes per model, allocated before the pass (a table that grows needs the old and
 * the new one at once, which a small heap cannot always give while the lineage index grows beside it).
 */
final class SeenIds {
  private final long[] table;
  private final int mask;

  /** @param expected the most ids the pass can meet: the snapshot's model count */
  SeenIds(long expected) {
    long slots = Long.highestOneBit(Math.max(16, expected + expected / 3) * 2 - 1);
    if (slots > 1 << 30) throw new IllegalArgumentException("too many models for one pass: " + expected);
    table = new long[(int) slots];
    mask = table.length - 1;
  }

  /**
   * Adds the id, given its {@link RepoIdHash#quick} (never 0); {@code false} if an id equal to it ignoring case was
   * added before (or, with probability about n²/2⁶⁵, another id of the same hash, as for the full path's set).
   *
   * @throws IllegalStateException past the expected number of ids
   */
  boolean add(long key) {
    for (int i = (int) (key ^ key >>> 32) & mask, probes = 0; ; i = (i + 1) & mask) {
      long t = table[i];
      if (t == 0) {
        table[i] = key;
        return true;
      }
      if (t == key) return false;
      if (++probes > table.length) throw new IllegalStateException("more ids than the snapshot announced");
    }
  }
}
