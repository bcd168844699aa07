package io.hubshare.lineage;

/**
 * A 64-bit hash of a repository id, the key of {@link LineageIndex}. Ids are compared exactly (case-sensitive), as
 * the Hub writes them in base-model tags.
 *
 * <p>Two different ids share a hash with probability about n²/2⁶⁵: for the 2.5 million models of a full crawl,
 * below one in five million. The index keeps no child ids to save memory, so such a collision would merge two
 * models' links; parent ids are stored and compared exactly.
 */
final class IdHash {
  private IdHash() {}

  /** FNV-1a over the UTF-16 code units, finished with MurmurHash3's 64-bit mixer so every bit depends on all. */
  static long of(String id) {
    long h = 0xcbf29ce484222325L ^ id.length();
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
