package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tolerant reads of the value the parser is positioned on. A value of the wrong type is skipped (nested values
 * included) and read as absent: the Hub adds and changes fields without notice, and one odd field must not cost
 * a whole snapshot.
 */
final class JsonValues {
  private JsonValues() {}

  /** A string, or {@code null} for anything else. */
  static @Nullable String string(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
    p.skipChildren();
    return null;
  }

  /** A non-blank string, trimmed, or {@code null}. */
  static @Nullable String nonBlankString(JsonParser p) throws IOException {
    String s = string(p);
    if (s == null) return null;
    s = s.trim();
    return s.isEmpty() ? null : s;
  }

  /** A whole number (a float with no fraction counts), or {@code null} for anything else. */
  static @Nullable Long wholeNumber(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p62 ? (long) d : null;
    }
    p.skipChildren();
    return null;
  }

  /** Any finite number, or {@code null} for anything else. */
  static @Nullable Double decimal(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      return Double.isFinite(d) ? d : null;
    }
    p.skipChildren();
    return null;
  }

  /** {@code true}/{@code false}, or {@code null} for anything else. */
  static @Nullable Boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
    if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
    p.skipChildren();
    return null;
  }

  /** An ISO-8601 instant such as {@code 2024-09-25T17:00:57.000Z}, or {@code null}. */
  static @Nullable Instant instant(JsonParser p) throws IOException {
    String s = string(p);
    return s == null ? null : IsoInstants.parse(s);
  }

  /**
   * The strings of an array (other elements skipped), or of a lone string as a one-element list; empty for
   * anything else. Card fields such as {@code base_model} and {@code license} come in both forms.
   */
  static List<String> strings(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return List.of(p.getText());
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
      if (e == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  /** Whether the parser stands on the start of an object; if not, the value is skipped. */
  static boolean enterObject(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) return true;
    p.skipChildren();
    return false;
  }
}
