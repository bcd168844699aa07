package io.hubshare.domain;

import org.jspecify.annotations.Nullable;

/** Whether a model's files are gated behind an access request. The Hub sends {@code false}, "auto" or "manual". */
public enum Gating {
  /** Not gated ({@code "gated": false}). */
  OPEN,
  /** Access requests are approved automatically. */
  AUTO,
  /** Access requests are reviewed by the owner. */
  MANUAL;

  /**
   * Reads the Hub's {@code gated} value: {@code false}/"false" → OPEN, "auto", "manual"; {@code true} (seen on
   * sources that only say "gated") → MANUAL.
   *
   * @return the gating, or {@code null} when the value is absent or not one the Hub uses
   */
  public static @Nullable Gating fromWire(@Nullable Object value) {
    if (value == null) return null;
    String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
    switch (s) {
      case "false": return OPEN;
      case "auto": return AUTO;
      case "manual":
      case "true": return MANUAL;
      default: return null;
    }
  }
}
