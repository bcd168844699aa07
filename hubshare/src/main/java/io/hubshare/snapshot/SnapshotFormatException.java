package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A snapshot (or crawl state) file that hubshare cannot read: not gzip, truncated, a line that is not JSON, a
 * header of an unknown format. The message names the file and the line, so the damage can be found with
 * {@code zcat FILE | sed -n 'Np'}; the cause is never a JSON parser's internal exception.
 *
 * <p>While streaming models ({@link Snapshot#stream()}), it arrives wrapped in an
 * {@link java.io.UncheckedIOException}.
 */
public class SnapshotFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long lineNumber;
  private final String problem;

  /**
   * @param file the file read
   * @param lineNumber the 1-based line at fault (line 1 is the header), or 0 when the fault is the whole file's
   * @param problem what is wrong, for a human
   */
  public SnapshotFormatException(Path file, long lineNumber, String problem) {
    this(file, lineNumber, "line", problem);
  }

  /** A fault at a row of a columnar file, or at a line: {@code unit} names which. */
  SnapshotFormatException(Path file, long position, String unit, String problem) {
    super(file + (position > 0 ? ", " + unit + " " + position : "") + ": " + problem);
    this.file = file;
    this.lineNumber = position;
    this.problem = problem;
  }

  /** What is wrong, without the file and line. */
  public String problem() {
    return problem;
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /**
   * The 1-based line at fault (line 1 is the header), or 0 when the fault is the whole file's; for a Parquet file,
   * the 1-based row.
   */
  public long lineNumber() {
    return lineNumber;
  }
}
