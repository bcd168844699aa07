package io.hubshare.domain;

import org.jspecify.annotations.Nullable;

/**
 * The popularity counters the Hub reports for a model. A counter the response did not carry is {@code null},
 * never zero: list calls without {@code expand=downloadsAllTime} know nothing of all-time downloads.
 *
 * <p>{@code last30Days} is a rolling window: two readings taken less than 30 days apart overlap, so they must
 * never be added. Windowed downloads come from the difference of two {@code allTime} readings (see
 * {@code io.hubshare.snapshot}).
 *
 * @param last30Days downloads in the 30 days before the reading (the Hub's {@code downloads})
 * @param allTime downloads since creation ({@code downloadsAllTime}), when the hub sent it
 * @param likes likes
 * @param trendingScore the Hub's trending score
 */
public record DownloadMetrics(
    @Nullable Long last30Days, @Nullable Long allTime, @Nullable Long likes, @Nullable Double trendingScore) {

  /** Metrics with every counter absent. */
  public static final DownloadMetrics NONE = new DownloadMetrics(null, null, null, null);

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("downloads30d=").append(last30Days == null ? "?" : last30Days);
    if (allTime != null) b.append(" allTime=").append(allTime);
    if (likes != null) b.append(" likes=").append(likes);
    if (trendingScore != null) b.append(" trending=").append(trendingScore);
    return b.toString();
  }
}
