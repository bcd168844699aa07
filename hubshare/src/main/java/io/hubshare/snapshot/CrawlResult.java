package io.hubshare.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished crawl.
 *
 * @param file the snapshot written
 * @param header its header ({@link SnapshotHeader#count()} models)
 * @param pages the pages fetched, over every run of a resumed crawl
 * @param duplicates models skipped because their id had been written already: a model that moved from one page to
 *     a later one while the listing was read (a live listing shifts as downloads change) appears once
 * @param resumed whether the crawl continued an earlier, interrupted run
 */
public record CrawlResult(Path file, SnapshotHeader header, long pages, long duplicates, boolean resumed) {
  public CrawlResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
  }

  /** The models written, each id once. */
  public long models() {
    return header.count();
  }
}
