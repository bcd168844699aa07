package io.hubshare.bench;

import java.util.function.LongSupplier;

/**
 * The Hub's fixed-window quota for its {@code api} bucket: {@code quota} requests in a window of {@code window}
 * seconds that starts at the first request after the previous window ended; over quota, 429. Every response tells
 * the state in {@code RateLimit: "api";r=<left>;t=<seconds to reset>} (whole seconds, rounded down) and
 * {@code RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window>}.
 */
final class Quota {
  /**
   * What one request met.
   *
   * @param allowed whether it is within the quota
   * @param remaining requests left in the window after it
   * @param resetSeconds whole seconds until the window resets, rounded down
   */
  record Decision(boolean allowed, long remaining, long resetSeconds) {
    String rateLimit() {
      return "\"api\";r=" + remaining + ";t=" + resetSeconds;
    }

    /** For a 429: the seconds to wait, rounded up so that a client waiting them finds the new window. */
    long retryAfter() {
      return resetSeconds + 1;
    }
  }

  private final long quota;
  private final long windowNanos;
  private final int windowSeconds;
  private final LongSupplier nanoTime;

  // Guarded by this.
  private long windowStart;
  private boolean started;
  private long used;

  Quota(long quota, int windowSeconds, LongSupplier nanoTime) {
    if (quota < 1) throw new IllegalArgumentException("quota must be positive: " + quota);
    if (windowSeconds < 1) throw new IllegalArgumentException("window must be at least 1 s: " + windowSeconds);
    this.quota = quota;
    this.windowSeconds = windowSeconds;
    this.windowNanos = windowSeconds * 1_000_000_000L;
    this.nanoTime = nanoTime;
  }

  /** Counts one request against the window. */
  synchronized Decision take() {
    long now = nanoTime.getAsLong();
    if (!started || now - windowStart >= windowNanos) {
      windowStart = now;
      started = true;
      used = 0;
    }
    long reset = (windowStart + windowNanos - now) / 1_000_000_000L;
    if (used >= quota) return new Decision(false, 0, reset);
    used++;
    return new Decision(true, quota - used, reset);
  }

  /** Forgets the current window: the next request starts a fresh one. */
  synchronized void reset() {
    started = false;
    used = 0;
  }

  String policy() {
    return "\"fixed window\";\"api\";q=" + quota + ";w=" + windowSeconds;
  }
}
