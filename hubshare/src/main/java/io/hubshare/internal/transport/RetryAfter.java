package io.hubshare.internal.transport;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After}: delay-seconds ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}),
 * the latter measured against the injected clock so tests need no real time. A number too large for a {@code long}
 * saturates: {@code 9223372036854775807} or forty digits read as the longest wait there is.
 */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait the header asks for; a date in the past gives zero.
   *
   * @return the wait, or {@code null} when the header is absent or unreadable
   */
  static @Nullable Duration parse(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    if (text.isEmpty()) {
      return null; // only control characters, which trim() removes and isBlank() does not
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Any number of digits: more than a long holds is a very long wait, never an exception.
      return Duration.ofSeconds(Durations.seconds(text));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeException e) {
      return null;
    }
  }
}
