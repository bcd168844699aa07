package io.hubshare.analytics;

import io.hubshare.domain.Model;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ShareTable} adds up. A model whose value is absent ({@code null}) is counted as missing, never as
 * zero.
 *
 * <p>The Hub's {@code downloads} is a rolling 30-day count: two readings overlap, so a {@link #DOWNLOADS} table
 * is one reading, and nothing in this package adds such tables up. Downloads over any other window come from two
 * snapshots ({@link #DOWNLOADS_BETWEEN}).
 */
public enum Metric {
  /** Downloads in the 30 days before the reading ({@code downloads().last30Days()}). */
  DOWNLOADS("downloads (30 days)"),
  /** Downloads since creation ({@code downloads().allTime()}): for new models, their first-year downloads. */
  DOWNLOADS_ALL_TIME("downloads (all time)"),
  /**
   * Downloads between two snapshots: the difference of two all-time readings, supplied per model by the snapshot
   * layer through {@link ShareAccumulator#add(Model, Long)}; a model carries no such value by itself.
   */
  DOWNLOADS_BETWEEN("downloads (between snapshots)"),
  /** Likes. */
  LIKES("likes"),
  /** The number of models: each model counts 1, none is ever missing. */
  MODELS("models");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  /** A short English label for headings: {@code downloads (30 days)}. */
  public String label() {
    return label;
  }

  /** The lower-case name used on the command line and in exports: {@code downloads-all-time}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the value comes with the model ({@code false} only for {@link #DOWNLOADS_BETWEEN}). */
  public boolean isIntrinsic() {
    return this != DOWNLOADS_BETWEEN;
  }

  /**
   * The model's value of this metric.
   *
   * @return the value as the model carries it, or {@code null} when it does not (a listing without
   *     {@code downloadsAllTime}, say); a negative value, which no count can be, is returned as it is, and
   *     {@link ShareAccumulator} reads it as absent and counts it in {@link ShareTable.Counts#negative()}
   * @throws IllegalStateException for {@link #DOWNLOADS_BETWEEN}, whose value only the snapshot layer knows
   */
  public @Nullable Long valueOf(Model model) {
    switch (this) {
      case DOWNLOADS: return model.downloads().last30Days();
      case DOWNLOADS_ALL_TIME: return model.downloads().allTime();
      case LIKES: return model.downloads().likes();
      case MODELS: return 1L;
      default:
        throw new IllegalStateException("a model carries no " + label + ": the snapshot layer supplies the value");
    }
  }

  /**
   * Reads a metric name, case-insensitively, with {@code -} or {@code _}: {@code downloads},
   * {@code downloads-all-time}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Metric parse(String name) {
    String n = name.trim().replace('-', '_');
    for (Metric m : values()) {
      if (m.name().equalsIgnoreCase(n)) return m;
    }
    throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of " + Names.list(values()));
  }
}
