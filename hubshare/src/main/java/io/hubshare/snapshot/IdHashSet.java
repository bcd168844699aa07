package io.hubshare.snapshot;

import io.hubshare.internal.protocol.LongHashSet;
import io.hubshare.internal.protocol.RepoIdHash;

/**
 * A set of model ids (a crawl's compare ignoring case, as the Hub resolves them), kept as 64-bit hashes in one open-addressing {@code long[]}: 16 to 32 bytes per model, where a {@code HashSet<String>} of ids
 * costs several times that. Two distinct ids share a hash with probability about n²/2⁶⁵ (below 10⁻⁷ for a million
 * models); such a pair would count as a duplicate.
 */
final class IdHashSet {
  private final boolean ignoreCase;
  private final LongHashSet hashes;

  /** @param ignoreCase whether ids that differ only in ASCII case are the same id (as for the Hub's repositories) */
  IdHashSet(boolean ignoreCase) {
    this(ignoreCase, 0);
  }

  /** @param expected how many ids will come (a snapshot header's count), 0 when unknown */
  IdHashSet(boolean ignoreCase, long expected) {
    this.ignoreCase = ignoreCase;
    this.hashes = new LongHashSet(expected);
  }

  /** The id's hash: {@link RepoIdHash#of} ignoring case, else {@link RepoIdHash#exact}. */
  static long hash(String id, boolean ignoreCase) {
    return ignoreCase ? RepoIdHash.of(id) : RepoIdHash.exact(id);
  }

  /** Adds the id; {@code false} if it was there already. */
  boolean add(String id) {
    return hashes.add(hash(id, ignoreCase));
  }

  /** Whether the id is in the set. */
  boolean contains(String id) {
    return hashes.contains(hash(id, ignoreCase));
  }

  int size() {
    return hashes.size();
  }
}
