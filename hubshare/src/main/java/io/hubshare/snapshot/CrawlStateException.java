package io.hubshare.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A crawl refused to start because of what lies at its output: the file exists, an interrupted crawl's state waits
 * to be resumed, or that state belongs to another listing. Nothing was sent and no file was touched. The
 * {@link #reason()} lets a caller say what to do in its own terms (an option of its command line, say).
 *
 * {@snippet :
 * try {
 *   hub.snapshots().crawl(query, out);
 * } catch (CrawlStateException e) {
 *   if (e.reason() == CrawlStateException.Reason.INTERRUPTED) {
 *     hub.snapshots().crawl(query, out, CrawlOptions.builder().resume(true).build());
 *   }
 * }
 * }
 */
public final class CrawlStateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Why the crawl did not start. */
  public enum Reason {
    /** The output file exists and overwrite was not asked for. */
    OUTPUT_EXISTS,
    /** An interrupted crawl left pages beside the output and resume was not asked for. */
    INTERRUPTED,
    /** The interrupted crawl beside the output lists another query, hub or limit than the one asked for. */
    OTHER_LISTING
  }

  private final Reason reason;
  private final transient Path out;

  /**
   * @param reason why the crawl did not start
   * @param out the snapshot file the crawl was to write
   * @param message what went wrong and what to do, in the library's terms
   */
  public CrawlStateException(Reason reason, Path out, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Why the crawl did not start. */
  public Reason reason() {
    return reason;
  }

  /** The snapshot file the crawl was to write. */
  public Path out() {
    return out;
  }

  /** The interrupted crawl's pages: {@code out} with {@code .partial} added. */
  public Path partialFile() {
    return Crawl.sibling(out, ".partial");
  }

  /** The interrupted crawl's position: {@code out} with {@code .checkpoint} added. */
  public Path checkpointFile() {
    return Crawl.sibling(out, ".checkpoint");
  }
}
