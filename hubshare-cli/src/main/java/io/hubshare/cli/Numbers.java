package io.hubshare.cli;

import java.util.Locale;

/** Numbers as tables print them: thousands grouped, shares in percent, the same in every locale. */
final class Numbers {
  private Numbers() {}

  /** {@code 1234567} → {@code 1,234,567}. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** One decimal, as the share tables print it; a share too small to show is {@code <0.1%}, never a false 0. */
  static String percent1(double share) {
    double pct = share * 100;
    if (pct > 0 && pct < 0.05) return "<0.1%";
    return String.format(Locale.ROOT, "%.1f%%", pct);
  }
}
