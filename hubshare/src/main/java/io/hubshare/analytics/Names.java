package io.hubshare.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wire names of the analytics enums, for messages. */
final class Names {
  private Names() {}

  static String list(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
  }
}
