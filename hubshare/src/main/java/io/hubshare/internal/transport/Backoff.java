package io.hubshare.internal.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: the n-th retry (0-based) waits {@code initial · 2^n}, capped at
 * {@code max}, then shortened by up to {@link #JITTER} at random so that clients failing together do not retry
 * together. With 0.5 s and 8 s: about 0.5, 1, 2, 4, 8, 8… seconds.
 */
final class Backoff {
  /** The largest share of a wait that jitter removes. */
  static final double JITTER = 0.25;

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1); tests pass a constant to make waits exact
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  Backoff(Duration initial, Duration max) {
    this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait before retry {@code retry} (0 for the first retry). */
  Duration delay(int retry) {
    Duration capped = max;
    // Doubling past 2^30 overflows long nanos for any useful initial value; the cap has won long before.
    if (retry < 30) {
      Duration doubled = initial.multipliedBy(1L << retry);
      if (doubled.compareTo(max) < 0) {
        capped = doubled;
      }
    }
    double factor = 1.0 - JITTER * random.getAsDouble();
    return Duration.ofNanos((long) (capped.toNanos() * factor));
  }
}
