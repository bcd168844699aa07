package io.hubshare.analytics;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * No model of the input carries the metric asked for, so every share would be an empty 0: all-time downloads over
 * a listing or snapshot read without them, say, or downloads between two snapshots that hold no all-time counts.
 * The message names the metric and what would carry it.
 */
public final class MetricUnavailableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final Metric metric;
  private final long models;

  /**
   * @param metric the metric asked for
   * @param models the models that matched the filters, none of which carries it
   * @param source where the models came from ({@code hub-2026-08.jsonl.gz}), or {@code null} when unknown
   */
  public MetricUnavailableException(Metric metric, long models, @Nullable String source) {
    super(message(Objects.requireNonNull(metric, "metric"), models, source));
    this.metric = metric;
    this.models = models;
  }

  /** The metric asked for. */
  public Metric metric() {
    return metric;
  }

  /** How many models matched the filters, none of which carries the metric. */
  public long models() {
    return models;
  }

  /** The same failure, naming where the models came from. */
  public MetricUnavailableException from(String source) {
    MetricUnavailableException e = new MetricUnavailableException(metric, models, source);
    e.setStackTrace(getStackTrace());
    return e;
  }

  private static String message(Metric metric, long models, @Nullable String source) {
    String of = models == 1 ? "the 1 model" : String.format(Locale.ROOT, "the %,d models", models);
    return "no value of " + metric.label() + " in " + of + (source == null ? "" : " of " + source)
        + ": " + carriedBy(metric);
  }

  /** What would carry the metric, for a user who has to go and get it. */
  static String carriedBy(Metric metric) {
    switch (metric) {
      case DOWNLOADS:
        return "30-day download counts come with a listing or crawl that asks for the field downloads";
      case DOWNLOADS_ALL_TIME:
        return "all-time download counts come with a listing or crawl that asks for the field downloadsAllTime";
      case DOWNLOADS_BETWEEN:
        return "downloads between two snapshots need all-time download counts (the field downloadsAllTime) in "
            + "both of them";
      case LIKES:
        return "likes come with a listing or crawl that asks for the field likes";
      default:
        throw new AssertionError(metric + " is always carried");
    }
  }
}
