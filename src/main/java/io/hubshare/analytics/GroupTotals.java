package io.hubshare.analytics;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Running sums per group key: value, models and missing in one {@code long[3]} per key, so memory grows with the
 * number of groups and each model costs a hash lookup and three additions.
 */
final class GroupTotals {
  static final int VALUE = 0;
  static final int MODELS = 1;
  static final int MISSING = 2;

  private final Map<String, long[]> cells = new HashMap<>();

  /** Adds one model to the group; a {@code null} value counts the model as missing. */
  void add(String key, @Nullable Long value) {
    add(key, value == null ? 0 : value, 1, value == null ? 1 : 0);
  }

  /** Adds a block of sums (another map's cell, say). */
  void add(String key, long value, long models, long missing) {
    long[] cell = cells.computeIfAbsent(key, k -> new long[3]);
    cell[VALUE] = Math.addExact(cell[VALUE], value);
    cell[MODELS] += models;
    cell[MISSING] += missing;
  }

  Map<String, long[]> cells() {
    return cells;
  }

  int size() {
    return cells.size();
  }
}
