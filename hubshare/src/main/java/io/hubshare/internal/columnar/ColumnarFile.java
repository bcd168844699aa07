package io.hubshare.internal.columnar;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A columnar file opened for reading: its footer at once, its rows when asked. Not thread-safe. */
public interface ColumnarFile extends Closeable {
  /** The number of rows, from the footer. */
  long rowCount();

  /** The key-value metadata of the footer, decoded as UTF-8. */
  Map<String, String> metadata();

  /** The names of the columns, as the file spells them. */
  Set<String> columns();

  /**
   * A fresh pass over the rows, in the file's order, each as one compact JSON object with the list API's field
   * names and value shapes (instants as ISO-8601 UTC strings, counters as integers, objects as objects), holding
   * only {@code fields} that the file has in a usable type. A field whose column is missing, or whose value is null,
   * is left out or null: never 0.
   *
   * @param fields the list API's field names wanted; {@code id} is always included
   * @throws IOException if reading fails (the message names the file)
   */
  Rows rows(Collection<String> fields) throws IOException;

  /** One pass over the rows. */
  interface Rows extends Closeable {
    /**
     * The next row's JSON, or {@code null} after the last.
     *
     * @throws IOException if reading fails
     */
    @Nullable String next() throws IOException;
  }
}
