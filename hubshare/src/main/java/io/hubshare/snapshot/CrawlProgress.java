package io.hubshare.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * How far a crawl has got, for a progress bar. Counts include the pages and models of earlier runs when a crawl was
 * resumed.
 *
 * @param pages the pages fetched so far
 * @param models the models written so far (each id once)
 * @param duplicates the models skipped because their id had been written already
 * @param limit the most models asked for, or {@code null} for the whole listing (whose size the hub does not tell)
 * @param resumed whether this run continues an earlier one
 */
public record CrawlProgress(long pages, long models, long duplicates, @Nullable Long limit, boolean resumed) {}
