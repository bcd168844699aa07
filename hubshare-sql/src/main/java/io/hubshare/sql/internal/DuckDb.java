package io.hubshare.sql.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * In-memory DuckDB connections set up the same way everywhere: UTC, a memory limit, a number of threads, results
 * streamed rather than materialised, and errors that say what was being read.
 */
public final class DuckDb {
  /** System property: DuckDB's memory limit, such as {@code 256MB} or {@code 2GB}. */
  public static final String MEMORY_LIMIT_PROPERTY = "hubshare.sql.memoryLimit";
  /** System property: DuckDB's threads. */
  public static final String THREADS_PROPERTY = "hubshare.sql.threads";
  /** The default memory limit: enough for a row group of the Hub's listing, with every column read. */
  public static final String DEFAULT_MEMORY_LIMIT = "256MB";

  private DuckDb() {}

  /** The memory limit in force: the system property, else {@value #DEFAULT_MEMORY_LIMIT}. */
  public static String memoryLimit() {
    String v = System.getProperty(MEMORY_LIMIT_PROPERTY);
    if (v == null || v.isBlank()) return DEFAULT_MEMORY_LIMIT;
    String t = v.trim();
    if (!t.matches("(?i)[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)")) {
      throw new IllegalArgumentException(MEMORY_LIMIT_PROPERTY + " must be a size such as 256MB or 2GB: " + v);
    }
    return t;
  }

  /** The threads in force: the system property, else {@code fallback}. */
  public static int threads(int fallback) {
    String v = System.getProperty(THREADS_PROPERTY);
    if (v == null || v.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(THREADS_PROPERTY + " must be a positive number: " + v);
  }

  /**
   * A fresh in-memory database.
   *
   * @param threads DuckDB's worker threads
   * @param tempDirectory where DuckDB may spill what does not fit the memory limit, or {@code null} to spill nothing
   */
  public static Connection open(int threads, @Nullable Path tempDirectory) throws SQLException {
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
    try (Statement st = c.createStatement()) {
      st.execute("SET memory_limit = " + WireColumns.literal(memoryLimit()));
      st.execute("SET threads = " + threads);
      st.execute("SET TimeZone = 'UTC'");
      st.execute("SET preserve_insertion_order = true");
      st.execute("SET enable_progress_bar = false");
      if (tempDirectory != null) {
        st.execute("SET temp_directory = " + WireColumns.literal(tempDirectory.toAbsolutePath().toString()));
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * A path as a SQL literal for DuckDB's file functions.
   *
   * @throws IllegalArgumentException for a path with {@code * ? [}, which DuckDB would read as a pattern
   */
  public static String file(Path path) {
    String s = path.toAbsolutePath().toString();
    if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0) {
      throw new IllegalArgumentException("DuckDB reads * ? [ in a file name as a pattern; rename " + path);
    }
    return WireColumns.literal(s);
  }

  /** An {@link IOException} saying what failed, with DuckDB's own words and, for a lack of memory, what to raise. */
  public static IOException failure(String doing, SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("out of memory") || lower.contains("invalid result set")) {
      // The driver reports a query that ran out of memory while streaming as "Invalid result set".
      m = m + " (DuckDB's memory limit is " + memoryLimit() + "; raise it with -D" + MEMORY_LIMIT_PROPERTY
          + "=1GB)";
    }
    return new IOException(doing + ": " + firstLine(m), e);
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl) + (m.length() > nl + 1 ? " " + m.substring(nl + 1).strip().lines()
        .findFirst().orElse("") : "");
  }
}
