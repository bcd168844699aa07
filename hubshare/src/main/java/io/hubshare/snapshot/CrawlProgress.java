package io.hubshare.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * How far a crawl has got, for a progress bar. Counts include the pages and models of earlier runs when a crawl was
 * resumed.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param pages the pages fetched so far
 * @param models the models written so far (each id once)
 * @param duplicates the models skipped because their id had been written already
 * @param limit the most models asked for, or {@code null} for the whole listing (whose size the hub does not tell)
 * @param resumed whether this run continues an earlier one
 */
public record CrawlProgress(long pages, long models, long duplicates, @Nullable Long limit, boolean resumed) {
  /**
   * {@link #limit()}, or {@code fallback} when the whole listing was asked for.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long limitOr(long fallback) {
    Long v = limit;
    return v == null ? fallback : v;
  }
}
