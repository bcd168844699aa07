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
 *   <li>otherwise: no wait.
 * </ul>
 *
 * <p><b>The first request probes.</b> Until one response has told what the quota is, requests would go out blind:
 * 32 threads sharing a client would all be sent at once, and meet 429s before the first {@code RateLimit} header is
 * known. So the first request goes alone and the others wait for its answer ({@link #release}); once it is in, they
 * are paced by what it said. A hub that sends no {@code RateLimit} header costs that one wait, once.
 *
 * <p>Thread-safe: threads share one account of the window. Each reservation counts down the requests left at once,
 * before its response arrives, so parallel requests cannot overspend what one response reported. Waiting for the
 * window happens outside the lock, through the caller's sleeper.
 */
final class RateLimitPacer {
  /** Added to the reset time: {@code t} is rounded to seconds, and the window must be over when we send. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  /** Below this many requests left, requests are spread out, when the quota is not known. */
  static final long LOW_WATER_UNKNOWN_QUOTA = 10;

  /** How long a request waits for the probe's answer at most: then it goes anyway. */
  static final Duration PROBE_WAIT = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger("io.hubshare.transport");

  private final Clock clock;

  // Guarded by this. resetAt == null: nothing known about the current window.
  private @Nullable Instant resetAt;
  private long remaining;
  private long quota = -1;
  private Instant nextSlot = Instant.MIN;
  /** Whether any response has answered yet; until one has, the first request probes alone. */
  private boolean probed;
  private @Nullable Object probe;

  RateLimitPacer(Clock clock) {
    this.clock = clock;
  }

  /** A reservation: the wait before sending, and whether this request is the probe. */
  record Slot(Duration delay, @Nullable Object probe) {}

  /**
   * Takes one request from the window and tells how long to wait before sending it. While the first request of
   * the client is out, this blocks (in real time, up to {@link #PROBE_WAIT}) until its answer is in.
   *
   * @return the wait, zero when the request may go now; hand the slot to {@link #release} once the answer is in
   */
  Slot acquire() throws InterruptedException {
    synchronized (this) {
      if (!probed) {
        if (probe == null) {
          probe = new Object();
          LOG.log(Level.DEBUG, "rate limit: nothing known yet, the first request goes alone");
          return new Slot(Duration.ZERO, probe);
        }
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        while (!probed && probe != null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) break;
          wait(Math.max(1, left / 1_000_000));
        }
      }
      return new Slot(reserve(), null);
    }
  }

  /** The answer to a request is in (or it failed): if it was the probe, the others may go. */
  synchronized void release(Slot slot) {
    if (slot.probe() != null && slot.probe() == probe) {
      probed = true;
      probe = null;
      notifyAll();
    }
  }

  /**
   * Takes one request from the window and tells how long to wait before sending it, without the probe's
   * ordering (which {@link #acquire()} adds).
   *
   * @return the wait, zero when the request may go now
   */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    if (resetAt != null && !now.isBefore(Durations.plus(resetAt, MARGIN))) {
      resetAt = null; // the window we knew is over; the next response describes the new one
    }
    if (resetAt == null) {
      return Duration.ZERO;
    }
    Instant start = now;
    if (remaining <= 0) {
      start = Durations.plus(resetAt, MARGIN);
      Instant at = start;
      LOG.log(Level.DEBUG, () -> "rate limit: quota spent, waiting " + Durations.millis(Duration.between(now, at))
          + " ms for the window to reset");
    } else if (remaining <= lowWater()) {
      start = nextSlot.isAfter(now) ? nextSlot : now;
      Duration interval = start.isAfter(resetAt) ? Duration.ZERO
          : Duration.between(start, resetAt).dividedBy(remaining);
      nextSlot = Durations.plus(start, interval);
      long left = remaining;
      Instant next = nextSlot;
      LOG.log(Level.DEBUG, () -> "rate limit: " + left + " requests left, pacing: next in "
          + Durations.millis(Duration.between(now, next)) + " ms");
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
    // closest, and never more than a second early, which MARGIN covers. A reset of Long.MAX_VALUE seconds saturates.
    Instant reportedReset = Durations.plus(now, header.reset());
    if (header.quota() >= 0) {
      quota = header.quota();
    }
    if (resetAt != null && now.isBefore(Durations.plus(resetAt, MARGIN))) {
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
