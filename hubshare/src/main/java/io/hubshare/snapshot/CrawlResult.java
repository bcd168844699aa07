package io.hubshare.snapshot;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished crawl.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param file the snapshot written
 * @param header its header ({@link SnapshotHeader#count()} models)
 * @param pages the pages fetched, over every run of a resumed crawl
 * @param duplicates models skipped because their id had been written already: a model that moved from one page to
 *     a later one while the listing was read (a live listing shifts as downloads change) appears once
 * @param resumed whether the crawl continued an earlier, interrupted run
 * @param coverage for a partitioned crawl ({@link Snapshots#crawlPartitioned}), how complete it is and every part
 *     it listed; {@code null} for a crawl of one listing
 */
public record CrawlResult(Path file, SnapshotHeader header, long pages, long duplicates, boolean resumed,
    @Nullable CrawlCoverage coverage) {
  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public CrawlResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
  }

  /** A finished crawl of one listing. */
  public CrawlResult(Path file, SnapshotHeader header, long pages, long duplicates, boolean resumed) {
    this(file, header, pages, duplicates, resumed, null);
  }

  /** The models written, each id once. */
  public long models() {
    return header.count();
  }
}
