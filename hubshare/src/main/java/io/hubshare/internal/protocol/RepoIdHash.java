package io.hubshare.internal.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 64-bit hashes of repository ids, the keys of hubshare's compact id tables (lineage links, a crawl's seen ids, the
 * older side of a snapshot delta). FNV-1a over the UTF-16 code units, finished with MurmurHash3's 64-bit mixer so
 * every bit depends on all; never 0, which tables use to mark a free slot.
 *
 * <p>Two different ids share a hash with probability about n²/2⁶⁵: below one in five million for the 2.5 million
 * models of a full crawl.
 */
public final class RepoIdHash {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

  /**
   * Another hash of {@code id} ignoring case, eight characters at a time: two ids have the same one exactly when
   * they have the same {@link #of} (up to collisions, as rare). Not interchangeable with {@link #of}: for a table
   * filled in one pass, such as a snapshot's ids.
   */
  public static long quick(String id) {
    int n = id.length();
    byte[] folded = new byte[n + 7]; // quickAscii reads whole words
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c >= 0x80) c = Character.toLowerCase(c);
      if (c >= 0x80) return of(id); // not ASCII once folded: no ASCII id can equal it
      folded[i] = (byte) c;
    }
    return quickAscii(folded, 0, n);
  }

  /**
   * {@link #quick(String)} of the id spelt by the {@code length} ASCII bytes from {@code offset}, without making it a
   * string. Reads up to seven bytes past the end: the array must hold them.
   */
  public static long quickAscii(byte[] b, int offset, int length) {
    long h = 0x9E3779B97F4A7C15L ^ length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      h = (h ^ lowerCase((long) LONGS.get(b, i))) * 0xff51afd7ed558ccdL;
      h ^= h >>> 32;
    }
    if (i < end) {
      long tail = (long) LONGS.get(b, i) & (-1L >>> ((8 - (end - i)) << 3));
      h = (h ^ lowerCase(tail)) * 0xff51afd7ed558ccdL;
      h ^= h >>> 32;
    }
    return finish(h);
  }

  /** {@code x}'s bytes (ASCII) with 'A'..'Z' made lower case. */
  private static long lowerCase(long x) {
    long atLeastA = x + 0x3F3F3F3F3F3F3F3FL; // a byte's high bit is set from 'A' (0x41) up
    long pastZ = x + 0x2525252525252525L; // ... and from '[' (0x5B) up
    long upper = atLeastA & ~pastZ & 0x8080808080808080L;
    return x | upper >>> 2;
  }

  private static long hash(String id, boolean ignoreCase) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (ignoreCase) c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 0x80 ? c : Character.toLowerCase(c);
      h ^= c;
      h *= 0x100000001b3L;
    }
    return finish(h);
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
