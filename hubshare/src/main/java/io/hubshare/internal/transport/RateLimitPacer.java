package io.hubshare.internal.transport;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Spaces requests so that a long crawl stays inside the hub's quota and never meets a 429.
 *
 * <p>Every response's {@link RateLimitHeader} tells how many requests the window has left and when it resets. Before
 * each request, {@link #reserve()} takes one of those and says how long to wait first:
 *
 * <ul>
 *   <li>nothing left: until the reset, plus {@link #MARGIN} (the header counts whole seconds);
 *   <li>little left (a tenth of the quota or less): the requests left are spread evenly over the time left, so that
 *       other users of the same token keep some room;
 *   <li>otherwise, or with nothing known yet: no wait.
 * </ul>
 *
 * <p>Thread-safe: threads share one account of the window. Each reservation counts down the requests left at once,
 * before its response arrives, so parallel requests cannot overspend what one response reported. Waiting happens
 * outside the lock.
 */
final class RateLimitPacer {
  /** Added to the reset time: {@code t} is rounded to seconds, and the window must be over when we send. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  /** Below this many requests left, requests are spread out, when the quota is not known. */
  static final long LOW_WATER_UNKNOWN_QUOTA = 10;

  private static final System.Logger LOG = System.getLogger("io.hubshare.transport");

  private final Clock clock;

  // Guarded by this. resetAt == null: nothing known about the current window.
  private @Nullable Instant resetAt;
  private long remaining;
  private long quota = -1;
  private Instant nextSlot = Instant.MIN;

  RateLimitPacer(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes one request from the window and tells how long to wait before sending it.
   *
   * @return the wait, zero when the request may go now
   */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    if (resetAt != null && !now.isBefore(resetAt.plus(MARGIN))) {
      resetAt = null; // the window we knew is over; the next response describes the new one
    }
    if (resetAt == null) {
      return Duration.ZERO;
    }
    Instant start = now;
    if (remaining <= 0) {
      start = resetAt.plus(MARGIN);
      Instant at = start;
      LOG.log(Level.DEBUG, () -> "rate limit: quota spent, waiting " + Duration.between(now, at).toMillis()
          + " ms for the window to reset");
    } else if (remaining <= lowWater()) {
      start = nextSlot.isAfter(now) ? nextSlot : now;
      Duration interval = Duration.between(start, resetAt).dividedBy(remaining);
      nextSlot = start.plus(interval.isNegative() ? Duration.ZERO : interval);
      long left = remaining;
      Instant next = nextSlot;
      LOG.log(Level.DEBUG, () -> "rate limit: " + left + " requests left, pacing: next in "
          + Duration.between(now, next).toMillis() + " ms");
    }
    remaining--;
    return Duration.between(now, start);
  }

  /** Records what a response said about the window; responses without a {@code RateLimit} header change nothing. */
  void observe(okhttp3.Headers headers) {
    RateLimitHeader header = RateLimitHeader.from(headers);
    if (header != null) {
      observe(header);
    }
  }

  synchronized void observe(RateLimitHeader header) {
    Instant now = clock.instant();
    // A response read late (a slow body) reports a reset that looks later than it is; the earliest report is the
    // closest, and never more than a second early, which MARGIN covers.
    Instant reportedReset = now.plus(header.reset());
    if (header.quota() >= 0) {
      quota = header.quota();
    }
    if (resetAt != null && now.isBefore(resetAt.plus(MARGIN))) {
      // Still the window we know: requests reserved since this one left may not be counted yet, so keep the lower
      // count. A higher one is a response from before some of ours, never a new window.
      remaining = Math.min(remaining, header.remaining());
      if (reportedReset.isBefore(resetAt)) {
        resetAt = reportedReset;
      }
    } else {
      remaining = header.remaining();
      resetAt = reportedReset;
      nextSlot = now;
    }
  }

  private long lowWater() {
    return quota > 0 ? Math.max(1, quota / 10) : LOW_WATER_UNKNOWN_QUOTA;
  }
}
