package io.hubshare.analytics;

import org.jspecify.annotations.Nullable;

/**
 * Parameter-size buckets of {@link Dimension#SIZE}. Lower bounds are inclusive: a 3,000,000,000-parameter model
 * is {@code 3-9B}. A model without a parameter count ({@code Model.parameters()} absent) is in no bucket: it lands
 * in the table's unknown row.
 */
public enum SizeBucket {
  /** Fewer than 1 billion parameters. */
  BELOW_1B("<1B", "<1B", 0L),
  /** 1 to 3 billion. */
  B1_TO_3B("1-3B", "1–3B", 1_000_000_000L),
  /** 3 to 9 billion. */
  B3_TO_9B("3-9B", "3–9B", 3_000_000_000L),
  /** 9 to 30 billion. */
  B9_TO_30B("9-30B", "9–30B", 9_000_000_000L),
  /** 30 to 100 billion. */
  B30_TO_100B("30-100B", "30–100B", 30_000_000_000L),
  /** 100 billion or more. */
  FROM_100B(">=100B", "≥100B", 100_000_000_000L);

  private final String key;
  private final String label;
  private final long lowerBound;

  SizeBucket(String key, String label, long lowerBound) {
    this.key = key;
    this.label = label;
    this.lowerBound = lowerBound;
  }

  /** The ASCII key used in tables and exports: {@code <1B}, {@code 1-3B} … {@code >=100B}. */
  public String key() {
    return key;
  }

  /** The label for people: {@code 1–3B}, {@code ≥100B}. */
  public String label() {
    return label;
  }

  /** The smallest parameter count in the bucket. */
  public long lowerBound() {
    return lowerBound;
  }

  /**
   * The bucket of a parameter count.
   *
   * @return the bucket, or {@code null} when the count is absent or not positive (unknown, never guessed)
   */
  public static @Nullable SizeBucket of(@Nullable Long parameters) {
    if (parameters == null || parameters <= 0) return null;
    SizeBucket[] all = values();
    for (int i = all.length - 1; i >= 0; i--) {
      if (parameters >= all[i].lowerBound) return all[i];
    }
    return BELOW_1B;
  }

  /** The bucket with this key, or {@code null}. */
  static @Nullable SizeBucket ofKey(String key) {
    for (SizeBucket b : values()) {
      if (b.key.equals(key)) return b;
    }
    return null;
  }
}
