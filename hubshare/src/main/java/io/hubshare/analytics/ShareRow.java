package io.hubshare.analytics;

import java.util.Objects;

/**
 * One group of a {@link ShareTable}.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param key the group's stable key: an ISO alpha-2 code for countries ({@code CN}), else the name itself
 *     ({@code Europe}, {@code Qwen/Qwen3-8B}, {@code text-generation}, {@code 3-9B}); {@link ShareTable#UNKNOWN_KEY}
 *     for the unknown row
 * @param label the group's name for people ({@code China}, {@code 3–9B}); the key where it has no other name
 * @param value the metric added up over the group's models that carry it
 * @param share {@code value / total} of the table, from 0 to 1 (0 when the total is 0)
 * @param rank 1 for the largest value; equal values share a rank (1, 2, 2, 4); 0 for the unknown row
 * @param models the models that fell in the group, with or without a value
 * @param missing the group's models whose metric was absent, left out of {@code value}
 */
public record ShareRow(String key, String label, long value, double share, int rank, long models, long missing) {
  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public ShareRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    if (rank < 0) throw new IllegalArgumentException("rank must be >= 0, got " + rank);
    if (models < 0 || missing < 0 || missing > models) {
      throw new IllegalArgumentException("inconsistent counts for '" + key + "': models=" + models
          + ", missing=" + missing);
    }
  }

  /** The share as a percentage, from 0 to 100. */
  public double percent() {
    return share * 100;
  }

  /** Whether this is the table's unknown row. */
  public boolean isUnknown() {
    return rank == 0;
  }
}
