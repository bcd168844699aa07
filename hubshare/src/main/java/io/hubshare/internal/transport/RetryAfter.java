package io.hubshare.internal.transport;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After}: delay-seconds ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}),
 * the latter measured against the injected clock so tests need no real time.
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
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException | ArithmeticException e) {
        return null; // more digits than a long: not a wait anyone means
      }
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
