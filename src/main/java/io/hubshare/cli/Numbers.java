package io.hubshare.cli;

import java.util.Locale;

/** Numbers as tables print them: thousands grouped, shares in percent, the same in every locale. */
final class Numbers {
  private Numbers() {}

  /** {@code 1234567} → {@code 1,234,567}. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 0.1712} → {@code 17.12%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
