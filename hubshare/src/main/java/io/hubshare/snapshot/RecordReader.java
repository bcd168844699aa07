package io.hubshare.snapshot;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** One pass over a snapshot's models, each as the hub's JSON for one model. */
interface RecordReader extends Closeable {
  /**
   * The next model's JSON, or {@code null} after the last.
   *
   * @throws SnapshotFormatException naming the place of a damaged model
   */
  @Nullable String next() throws IOException;

  /** Where the model last read is: its line (JSON Lines) or row (Parquet), 1-based. */
  long position();
}
