package io.hubshare;

/**
 * What the client's in-memory caches (model info, accounts and, when enabled, list pages) have done so far, summed
 * over all of them. A snapshot: later lookups do not change it.
 *
 * <pre>{@code
 * hub.models().get("Qwen/Qwen3-8B");
 * hub.models().get("Qwen/Qwen3-8B");            // answered from memory
 * System.out.println(hub.cacheStats());          // CacheStats[hits=1, misses=1, ... hitRate=50.0%]
 * }</pre>
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param hitCount lookups answered from memory
 * @param missCount lookups that had to ask the hub (or wait for a concurrent identical request)
 * @param loadFailureCount misses whose request failed (nothing was cached)
 * @param evictionCount entries dropped because they expired or the cache was full
 * @param estimatedSize entries held now (approximate, as expired entries leave lazily)
 */
public record CacheStats(long hitCount, long missCount, long loadFailureCount, long evictionCount,
    long estimatedSize) {

  /** Nothing cached, nothing asked. */
  public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0);

  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public CacheStats {
    if (hitCount < 0 || missCount < 0 || loadFailureCount < 0 || evictionCount < 0 || estimatedSize < 0) {
      throw new IllegalArgumentException("cache statistics cannot be negative");
    }
  }

  /** Lookups in all: hits plus misses. */
  public long requestCount() {
    return hitCount + missCount;
  }

  /** The share of lookups answered from memory, 0 to 1 (1 when nothing was asked yet). */
  public double hitRate() {
    long requests = requestCount();
    return requests == 0 ? 1.0 : (double) hitCount / requests;
  }

  /** The sum of two snapshots, to report several caches as one. */
  public CacheStats plus(CacheStats other) {
    return new CacheStats(hitCount + other.hitCount, missCount + other.missCount,
        loadFailureCount + other.loadFailureCount, evictionCount + other.evictionCount,
        estimatedSize + other.estimatedSize);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "CacheStats[hits=%d, misses=%d, failures=%d, evictions=%d, size=%d, "
        + "hitRate=%.1f%%]", hitCount, missCount, loadFailureCount, evictionCount, estimatedSize, 100 * hitRate());
  }
}
