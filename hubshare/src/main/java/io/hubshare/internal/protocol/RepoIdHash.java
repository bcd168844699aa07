package io.hubshare.internal.protocol;

/**
 * 64-bit hashes of repository ids, the keys of hubshare's compact id tables (lineage links, a crawl's seen ids, the
 * older side of a snapshot delta). FNV-1a over the UTF-16 code units, finished with MurmurHash3's 64-bit mixer so
 * every bit depends on all; never 0, which tables use to mark a free slot.
 *
 * <p>Two different ids share a hash with probability about n²/2⁶⁵: below one in five million for the 2.5 million
 * models of a full crawl.
 */
public final class RepoIdHash {
  private RepoIdHash() {}

  /**
   * The hash of {@code id} ignoring case, as the Hub ignores it when it resolves an id: cards often name
   * {@code google/gemma-4-e4b-it} for {@code google/gemma-4-E4B-it}.
   */
  public static long of(String id) {
    return hash(id, true);
  }

  /** The hash of {@code id} as spelt, for files that may hold one repository under two casings. */
  public static long exact(String id) {
    return hash(id, false);
  }

  private static long hash(String id, boolean ignoreCase) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (ignoreCase) c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 0x80 ? c : Character.toLowerCase(c);
      h ^= c;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
