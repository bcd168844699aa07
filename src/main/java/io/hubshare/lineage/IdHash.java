package io.hubshare.lineage;

/**
 * A 64-bit hash of a repository id, the key of {@link LineageIndex}. Case is ignored, as the Hub ignores it when it
 * resolves an id: cards often name {@code google/gemma-4-e4b-it} for {@code google/gemma-4-E4B-it}.
 *
 * <p>Two different ids share a hash with probability about n²/2⁶⁵: for the 2.5 million models of a full crawl,
 * below one in five million. The index keeps no child ids to save memory, so such a collision would merge two
 * models' links; parent ids are stored and compared exactly.
 */
final class IdHash {
  private IdHash() {}

  /**
   * FNV-1a over the lower-cased UTF-16 code units, finished with MurmurHash3's 64-bit mixer so every bit depends
   * on all.
   */
  static long of(String id) {
    long h = 0xcbf29ce484222325L ^ id.length();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      h ^= c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c < 0x80 ? c : Character.toLowerCase(c);
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
