package io.hubshare.internal.hf;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Hub's timestamps, {@code 2024-09-25T17:00:57.000Z}. {@link Instant#parse} takes about 2 µs, as long as
 * the rest of a model; the Hub always sends this one shape, so it is read directly, and anything else goes through
 * {@link Instant#parse}.
 */
final class IsoInstants {
  private IsoInstants() {}

  /** The instant, or {@code null} if {@code s} is not an ISO-8601 instant. */
  static @Nullable Instant parse(String s) {
    Instant fast = fastPath(s);
    if (fast != null) return fast;
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other shape or an impossible date. */
  private static @Nullable Instant fastPath(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
    int nanos = 0;
    if (n > 20) {
      int fractionDigits = n - 21;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) return null;
      int fraction = digits(s, 20, fractionDigits);
      if (fraction < 0) return null;
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) nanos *= 10;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number written by {@code count} decimal digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
