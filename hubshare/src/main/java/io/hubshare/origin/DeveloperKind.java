package io.hubshare.origin;

import java.util.Locale;

/** What kind of developer stands behind an account. */
public enum DeveloperKind {
  /** A company. */
  INDUSTRY,
  /** A university or academic research institute. */
  ACADEMIA,
  /** A non-profit, open-science collective or community organisation. */
  NON_PROFIT,
  /** A government body or state-funded national lab. */
  GOVERNMENT,
  /** A person publishing on their own account. */
  INDIVIDUAL,
  /** Not in the registry: never guessed. */
  UNKNOWN;

  /**
   * The name used in the registry's data files: {@code industry}, {@code academia}, {@code non-profit},
   * {@code government}, {@code individual} or {@code unknown}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a kind as the data files write it ({@code non-profit}), also accepting the constant's name
   * ({@code NON_PROFIT}), case-insensitively. {@code unknown} is not accepted: the registry never records an account
   * as known-unknown, it leaves it out.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static DeveloperKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DeveloperKind k : values()) {
      if (k != UNKNOWN && k.label().equals(t)) return k;
    }
    throw new IllegalArgumentException(
        "unknown kind '" + text + "'; expected industry, academia, non-profit, government or individual");
  }
}
