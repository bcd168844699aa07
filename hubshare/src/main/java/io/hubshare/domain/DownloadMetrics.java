package io.hubshare.domain;

import org.jspecify.annotations.Nullable;

/**
 * The popularity counters the Hub reports for a model. A counter the response did not carry is {@code null},
 * never zero: list calls without {@code expand=downloadsAllTime} know nothing of all-time downloads. Each counter
 * has an {@code ...Or(fallback)} accessor that never unboxes a {@code null}:
 * <pre>{@code
 * long recent = model.downloads().last30DaysOr(0);
 * }</pre>
 *
 * <p>{@code last30Days} is a rolling window: two readings taken less than 30 days apart overlap, so they must
 * never be added. Windowed downloads come from the difference of two {@code allTime} readings (see
 * {@code io.hubshare.snapshot}).
 *
 * <p>Make one with {@link #of(Long, Long)} or {@link #builder()}; the canonical constructor is not part of the
 * compatible API, as it gains a parameter whenever the hubs report another counter.
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

  /**
   * For hubshare's readers of hub responses: not part of the compatible API (see the class comment); use
   * {@link #of(Long, Long)} or {@link #builder()}.
   */
  public DownloadMetrics {}

  /**
   * The two download counters, every other one absent.
   *
   * @param last30Days downloads in the last 30 days, or {@code null}
   * @param allTime downloads since creation, or {@code null}
   * @return the metrics
   */
  public static DownloadMetrics of(@Nullable Long last30Days, @Nullable Long allTime) {
    return last30Days == null && allTime == null ? NONE : new DownloadMetrics(last30Days, allTime, null, null);
  }

  /**
   * A builder with every counter absent.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Downloads in the last 30 days, or {@code fallback} when the hub did not send them.
   *
   * @param fallback the value for an absent counter, such as 0
   * @return {@link #last30Days()} unboxed, or {@code fallback}
   */
  public long last30DaysOr(long fallback) {
    return last30Days == null ? fallback : last30Days;
  }

  /**
   * Downloads since creation, or {@code fallback} when the hub did not send them.
   *
   * @param fallback the value for an absent counter
   * @return {@link #allTime()} unboxed, or {@code fallback}
   */
  public long allTimeOr(long fallback) {
    return allTime == null ? fallback : allTime;
  }

  /**
   * Likes, or {@code fallback} when the hub did not send them.
   *
   * @param fallback the value for an absent counter
   * @return {@link #likes()} unboxed, or {@code fallback}
   */
  public long likesOr(long fallback) {
    return likes == null ? fallback : likes;
  }

  /**
   * The trending score, or {@code fallback} when the hub did not send it.
   *
   * @param fallback the value for an absent score
   * @return {@link #trendingScore()} unboxed, or {@code fallback}
   */
  public double trendingScoreOr(double fallback) {
    return trendingScore == null ? fallback : trendingScore;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("downloads30d=").append(last30Days == null ? "?" : last30Days);
    if (allTime != null) b.append(" allTime=").append(allTime);
    if (likes != null) b.append(" likes=").append(likes);
    if (trendingScore != null) b.append(" trending=").append(trendingScore);
    return b.toString();
  }

  /** Makes {@link DownloadMetrics} counter by counter; a counter not set is absent. */
  public static final class Builder {
    private @Nullable Long last30Days;
    private @Nullable Long allTime;
    private @Nullable Long likes;
    private @Nullable Double trendingScore;

    private Builder() {}

    /**
     * Sets {@link DownloadMetrics#last30Days()}.
     *
     * @param last30Days downloads in the last 30 days, or {@code null}
     * @return this builder
     */
    public Builder last30Days(@Nullable Long last30Days) {
      this.last30Days = last30Days;
      return this;
    }

    /**
     * Sets {@link DownloadMetrics#allTime()}.
     *
     * @param allTime downloads since creation, or {@code null}
     * @return this builder
     */
    public Builder allTime(@Nullable Long allTime) {
      this.allTime = allTime;
      return this;
    }

    /**
     * Sets {@link DownloadMetrics#likes()}.
     *
     * @param likes likes, or {@code null}
     * @return this builder
     */
    public Builder likes(@Nullable Long likes) {
      this.likes = likes;
      return this;
    }

    /**
     * Sets {@link DownloadMetrics#trendingScore()}.
     *
     * @param trendingScore the trending score, or {@code null}
     * @return this builder
     */
    public Builder trendingScore(@Nullable Double trendingScore) {
      this.trendingScore = trendingScore;
      return this;
    }

    /**
     * The metrics.
     *
     * @return the counters set so far ({@link #NONE} when none was)
     */
    public DownloadMetrics build() {
      return last30Days == null && allTime == null && likes == null && trendingScore == null
          ? NONE : new DownloadMetrics(last30Days, allTime, likes, trendingScore);
    }
  }
}
