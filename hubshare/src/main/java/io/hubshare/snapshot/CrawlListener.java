package io.hubshare.snapshot;

/**
 * Hears a crawl's progress, on the crawling thread, after each page is safely on disk. Keep it quick: the next page
 * waits for it. An exception it throws stops the crawl, which can then be resumed.
 *
 * <pre>{@code
 * CrawlOptions options = CrawlOptions.builder()
 *     .listener(p -> System.err.printf("\r%,d models, %d pages", p.models(), p.pages()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface CrawlListener {
  /** A listener that ignores everything. */
  CrawlListener NONE = p -> {};

  /** Called once before the first page is fetched; after a resume, with the counts restored from the checkpoint. */
  default void onStart(CrawlProgress progress) {}

  /** Called after each page is written and checkpointed. */
  void onPage(CrawlProgress progress);
}
