package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model of the newer snapshot and the downloads it received since the older one (see {@link SnapshotDelta} for
 * the rule).
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param model the model as the newer snapshot holds it
 * @param downloadsBetween downloads received between the two snapshots, or {@code null} when they cannot be known
 *     (never 0 for "unknown"): the model was absent from the older snapshot yet created before it started, or a
 *     snapshot lacks its all-time count, or the count went down
 */
public record ModelDelta(Model model, @Nullable Long downloadsBetween) {
  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public ModelDelta {
    Objects.requireNonNull(model, "model");
    if (downloadsBetween != null && downloadsBetween < 0) {
      throw new IllegalArgumentException("downloadsBetween must not be negative: " + downloadsBetween);
    }
  }

  /**
   * {@link #downloadsBetween()}, or {@code fallback} when they cannot be known.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long downloadsBetweenOr(long fallback) {
    Long v = downloadsBetween;
    return v == null ? fallback : v;
  }

  /** Whether {@link #downloadsBetween()} is known. */
  public boolean isKnown() {
    return downloadsBetween != null;
  }
}
