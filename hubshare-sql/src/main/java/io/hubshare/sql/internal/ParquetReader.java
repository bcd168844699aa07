package io.hubshare.sql.internal;

import io.hubshare.internal.columnar.ColumnarFile;
import io.hubshare.internal.columnar.ColumnarReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parquet for the core's {@link ColumnarReader} seam, with DuckDB: the footer at open, then each pass a streaming
 * query that reads only the columns asked for and writes each row as the list API's JSON object.
 */
public final class ParquetReader implements ColumnarReader {
  /** DuckDB's threads for one pass: the consumer (parsing each row) is the bottleneck, not the scan. */
  static final int THREADS = 1;

  @Override
  public ColumnarFile open(Path file) throws IOException {
    String source = source(file);
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    long rows;
    try (Connection c = DuckDb.open(THREADS, null); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
        while (rs.next()) types.put(rs.getString(1), rs.getString(2));
      }
      try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata("
          + DuckDb.file(file) + ")")) {
        rs.next();
        rows = rs.getLong(1);
      }
      try (ResultSet rs = st.executeQuery("SELECT key, value FROM parquet_kv_metadata(" + DuckDb.file(file) + ")")) {
        while (rs.next()) {
          metadata.put(new String(rs.getBytes(1), StandardCharsets.UTF_8),
              new String(rs.getBytes(2), StandardCharsets.UTF_8));
        }
      }
    } catch (SQLException e) {
      throw DuckDb.failure("reading the Parquet footer of " + file, e);
    }
    return new File(file, source, Collections.unmodifiableMap(types), Collections.unmodifiableMap(metadata), rows);
  }

  /** {@code read_parquet(…)} of one file, binary columns read as text (older writers leave strings unannotated). */
  static String source(Path file) {
    return "read_parquet(" + DuckDb.file(file) + ", binary_as_string = true)";
  }

  private static final class File implements ColumnarFile {
    private final Path file;
    private final String source;
    private final Map<String, String> types;
    private final Map<String, String> metadata;
    private final long rows;

    File(Path file, String source, Map<String, String> types, Map<String, String> metadata, long rows) {
      this.file = file;
      this.source = source;
      this.types = types;
      this.metadata = metadata;
      this.rows = rows;
    }

    @Override
    public long rowCount() {
      return rows;
    }

    @Override
    public Map<String, String> metadata() {
      return metadata;
    }

    @Override
    public Set<String> columns() {
      return types.keySet();
    }

    @Override
    public Rows rows(Collection<String> fields) throws IOException {
      String sql = "SELECT CAST(" + WireColumns.jsonObject(types, fields) + " AS VARCHAR) FROM " + source;
      Connection c = null;
      try {
        c = DuckDb.open(THREADS, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql);
        return new JsonRows(file, c, rs);
      } catch (SQLException e) {
        closeQuietly(c);
        throw DuckDb.failure("reading " + file, e);
      }
    }

    @Override
    public void close() {
      // Nothing is held between passes.
    }
  }

  private static final class JsonRows implements ColumnarFile.Rows {
    private final Path file;
    private final Connection connection;
    private final ResultSet rs;
    private boolean done;

    JsonRows(Path file, Connection connection, ResultSet rs) {
      this.file = file;
      this.connection = connection;
      this.rs = rs;
    }

    @Override
    public @Nullable String next() throws IOException {
      if (done) return null;
      try {
        if (!rs.next()) {
          close();
          return null;
        }
        return rs.getString(1);
      } catch (SQLException e) {
        close();
        throw DuckDb.failure("reading " + file, e);
      }
    }

    @Override
    public void close() {
      if (done) return;
      done = true;
      closeQuietly(connection);
    }
  }

  static void closeQuietly(@Nullable Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing an in-memory database after reading: nothing is lost.
    }
  }
}
