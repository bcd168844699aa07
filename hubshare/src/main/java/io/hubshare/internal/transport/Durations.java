package io.hubshare.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Duration arithmetic that saturates instead of throwing: a hub may send any number in {@code Retry-After} or
 * {@code RateLimit} ({@code 9223372036854775807}, forty digits), and a wait that long must become a long wait,
 * never an {@link ArithmeticException}.
 */
public final class Durations {
  /** The longest duration: what an absurdly long wait saturates to. */
  public static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private Durations() {}

  /** {@code a + b}, at most {@link #MAX}; both non-negative. */
  public static Duration plus(Duration a, Duration b) {
    return a.compareTo(MAX.minus(b)) > 0 ? MAX : a.plus(b);
  }

  /** {@code at + d}, at most {@link Instant#MAX}. */
  public static Instant plus(Instant at, Duration d) {
    return Duration.between(at, Instant.MAX).compareTo(d) <= 0 ? Instant.MAX : at.plus(d);
  }

  /** Whole seconds, rounded up: 1 for 1 ms. Never overflows. */
  public static long ceilSeconds(Duration d) {
    return d.getNano() == 0 || d.getSeconds() == Long.MAX_VALUE ? d.getSeconds() : d.getSeconds() + 1;
  }

  /** Milliseconds, at most {@link Long#MAX_VALUE}. */
  public static long millis(Duration d) {
    return d.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toMillis();
  }

  /**
   * Seconds from a header value of digits only; more digits than a long holds saturates.
   *
   * @throws NumberFormatException if {@code digits} is empty or holds anything but ASCII digits
   */
  public static long seconds(String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException("not a number of seconds");
    }
    String d = digits.replaceFirst("^0+(?=.)", "");
    if (d.length() > 18) {
      return d.length() > 19 || d.compareTo(Long.toString(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : Long.parseLong(d);
    }
    return Long.parseLong(d);
  }

  /** For messages: {@code 800 ms}, {@code 30 s}, {@code 10 min}, {@code 11574 days}. */
  public static String describe(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) return d.toMillis() + " ms";
    if (d.compareTo(Duration.ofMinutes(2)) < 0) {
      return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s"
          : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (d.compareTo(Duration.ofHours(2)) < 0 && d.getSeconds() % 60 == 0) return d.toMinutes() + " min";
    if (d.compareTo(Duration.ofDays(2)) < 0) return ceilSeconds(d) + " s";
    return d.toDays() + " days";
  }
}
