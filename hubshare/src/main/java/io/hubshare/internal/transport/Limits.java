package io.hubshare.internal.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds that keep one call finite whatever the hub sends: how long hubshare waits when the hub asks it to
 * ({@code Retry-After}, a spent {@code RateLimit} quota), how long one HTTP call may take from sending to the last
 * byte of its body, and how large a body may grow after decompression.
 *
 * @param maxWait the longest wait for the hub's rate limit; a longer one fails at once with
 *     {@link io.hubshare.error.RateLimitedException} carrying the wait
 * @param callTimeout the deadline of one HTTP call, body included; zero means none
 * @param maxBodyBytes the largest body, counted after decompression
 */
public record Limits(Duration maxWait, Duration callTimeout, long maxBodyBytes) {
  /** Ten minutes: twice the Hub's rate-limit window of five. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);
  /** Two minutes: a page of 1,000 models with every field takes seconds; a body that trickles is cut. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
  /** 32 MiB: about 50 times a page of 1,000 models (0.6 MB in the list format of the 2026-08 sample). */
  public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;

  /** The defaults. */
  public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_WAIT, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_BODY_BYTES);

  public Limits {
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (maxWait.isNegative()) throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
    if (callTimeout.isNegative()) {
      throw new IllegalArgumentException("callTimeout must not be negative: " + callTimeout);
    }
    if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
  }

  /** A body size for messages: {@code 32 MiB}, {@code 512 KiB}, {@code 100 bytes}. */
  public static String describeBytes(long bytes) {
    if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return (bytes >> 10) + " KiB";
    return bytes + " bytes";
  }
}
