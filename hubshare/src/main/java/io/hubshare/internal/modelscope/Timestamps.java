package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope's times, which come in several shapes: an ISO string with {@code Z} or an offset; an ISO string without
 * a zone, or {@code yyyy-MM-dd HH:mm:ss}, which is Beijing time (modelscope {@code convert_timestamp} reads such
 * strings in {@code Asia/Shanghai}); or a number of seconds since the epoch, or of milliseconds when it is above
 * 10^12 (modelscope_hub {@code types.py _coerce_datetime}).
 */
final class Timestamps {
  /** Where ModelScope's zone-less times are. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final long MILLIS_ABOVE = 1_000_000_000_000L;
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd")
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .toFormatter();

  private Timestamps() {}

  /** The instant a JSON value stands for, or {@code null} when it is absent, empty or not a time. */
  static @Nullable Instant read(@Nullable JsonNode v) {
    if (v == null || v.isNull()) return null;
    if (v.isIntegralNumber()) return ofEpoch(v.asLong());
    if (v.isNumber()) return ofEpoch((long) v.asDouble());
    if (v.isTextual()) return parse(v.asText());
    return null;
  }

  static @Nullable Instant parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) return null;
    if (t.chars().allMatch(Character::isDigit) && t.length() <= 18) return ofEpoch(Long.parseLong(t));
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException withoutZone) {
      try {
        return LocalDateTime.parse(t, LOCAL).atZone(BEIJING).toInstant();
      } catch (DateTimeException notATime) {
        return null;
      }
    }
  }

  private static @Nullable Instant ofEpoch(long n) {
    if (n <= 0) return null;
    return n > MILLIS_ABOVE ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
  }
}
