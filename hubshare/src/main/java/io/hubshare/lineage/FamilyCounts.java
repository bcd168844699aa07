package io.hubshare.lineage;

import io.hubshare.domain.Relation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Counts over one part of a {@link Family}: its developer's own models, or the community's.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param models how many models
 * @param byRelation how many of them by their own relation to their bases
 *     ({@link io.hubshare.domain.Model#relation()}): ORIGINAL for the root, QUANTIZED for a quantization, and so
 *     on; relations with no model are absent
 * @param downloadsLast30Days the sum of the models' 30-day downloads, over those that reported it; {@code null} when
 *     none did
 * @param downloadsAllTime the sum of the models' all-time downloads, over those that reported it; {@code null} when
 *     none did (list pages carry it only with {@code expand=downloadsAllTime})
 */
public record FamilyCounts(
    int models, Map<Relation, Integer> byRelation, @Nullable Long downloadsLast30Days,
    @Nullable Long downloadsAllTime) {

  /** No models. */
  public static final FamilyCounts NONE = new FamilyCounts(0, Map.of(), null, null);

  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public FamilyCounts {
    if (models < 0) throw new IllegalArgumentException("models must be >= 0, was " + models);
    EnumMap<Relation, Integer> copy = new EnumMap<>(Relation.class);
    for (Map.Entry<Relation, Integer> e : byRelation.entrySet()) {
      int n = Objects.requireNonNull(e.getValue(), "count");
      if (n < 0) throw new IllegalArgumentException("count of " + e.getKey() + " must be >= 0, was " + n);
      if (n > 0) copy.put(Objects.requireNonNull(e.getKey(), "relation"), n);
    }
    byRelation = Collections.unmodifiableMap(copy);
  }

  /**
   * {@link #downloadsLast30Days()}, or {@code fallback} when no model reported them.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long downloadsLast30DaysOr(long fallback) {
    Long v = downloadsLast30Days;
    return v == null ? fallback : v;
  }

  /**
   * {@link #downloadsAllTime()}, or {@code fallback} when no model reported them.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long downloadsAllTimeOr(long fallback) {
    Long v = downloadsAllTime;
    return v == null ? fallback : v;
  }

  /** How many models have {@code relation}; 0 when none. */
  public int count(Relation relation) {
    return byRelation.getOrDefault(relation, 0);
  }

  /** These counts and {@code other}'s together. */
  public FamilyCounts plus(FamilyCounts other) {
    EnumMap<Relation, Integer> sum = new EnumMap<>(Relation.class);
    sum.putAll(byRelation);
    other.byRelation.forEach((r, n) -> sum.merge(r, n, Integer::sum));
    return new FamilyCounts(models + other.models, sum, add(downloadsLast30Days, other.downloadsLast30Days),
        add(downloadsAllTime, other.downloadsAllTime));
  }

  private static @Nullable Long add(@Nullable Long a, @Nullable Long b) {
    if (a == null) return b;
    return b == null ? a : a + b;
  }
}
