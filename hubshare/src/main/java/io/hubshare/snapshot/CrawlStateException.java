package io.hubshare.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A crawl refused to start because of what lies at its output: the file exists, an interrupted crawl's state waits
 * to be resumed, or that state belongs to another listing. Nothing was sent and no file was touched. The
 * {@link #reason()} lets a caller say what to do in its own terms (an option of its command line, say).
 *
 * <pre>{@code
 * try {
 *   hub.snapshots().crawl(query, out);
 * } catch (CrawlStateException e) {
 *   if (e.reason() == CrawlStateException.Reason.INTERRUPTED) {
 *     hub.snapshots().crawl(query, out, CrawlOptions.builder().resume(true).build());
 *   }
 * }
 * }</pre>
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
  private final transient List<Path> stateFiles;

  /**
   * @param reason why the crawl did not start
   * @param out the snapshot file the crawl was to write
   * @param stateFiles the files that hold the interrupted crawl's state, its pages first; empty when the output
   *     exists
   * @param message what went wrong and what to do, in the library's terms
   */
  public CrawlStateException(Reason reason, Path out, List<Path> stateFiles, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.out = Objects.requireNonNull(out, "out");
    this.stateFiles = List.copyOf(stateFiles);
  }

  /** Why the crawl did not start. */
  public Reason reason() {
    return reason;
  }

  /** The snapshot file the crawl was to write. */
  public Path out() {
    return out;
  }

  /**
   * The files that hold the interrupted crawl's state, its pages first ({@code out.partial}, {@code out.checkpoint},
   * and a partitioned crawl's {@code out.parts}): delete them all to start again. Empty when the output exists.
   */
  public List<Path> stateFiles() {
    return stateFiles;
  }
}
