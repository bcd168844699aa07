package io.hubshare.sql;

import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import io.hubshare.sql.internal.DuckDb;
import io.hubshare.sql.internal.ModelsSql;
import io.hubshare.sql.internal.OriginsTable;
import io.hubshare.sql.internal.WireColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * SQL over snapshots, in an in-memory DuckDB, with three tables:
 * <ul>
 *   <li>{@code models}: every snapshot given, one row per model, with {@code hub} and {@code date} (the snapshot's
 *       UTC day, {@code NULL} when unknown) and the columns of a {@link ParquetExport} ({@code id, author,
 *       createdAt, downloads, downloadsAllTime, tags, cardData, baseModels, …}), read straight from the files;
 *   <li>{@code origins}: the origin registry ({@code hub, account, organization, country, region, kind, source,
 *       study_group});
 *   <li>{@code lineage}: each model's {@code parent} and {@code root} by the rule the shares use, with {@code hub,
 *       date, id, relation}; built from the snapshots when a query names it.
 * </ul>
 *
 * <pre>{@code
 * try (SnapshotSql sql = SnapshotSql.open(List.of(Path.of("hub-parquet")), null, OriginRegistry.bundled());
 *     ResultSet rs = sql.query("SELECT o.country, sum(m.downloads) FROM models m JOIN origins o "
 *         + "ON o.hub = m.hub AND lower(m.author) = lower(o.account) GROUP BY 1 ORDER BY 2 DESC")) {
 *   while (rs.next()) System.out.println(rs.getString(1) + " " + rs.getLong(2));
 * }
 * }</pre>
 *
 * <p>The query runs with the rights of the process, as in DuckDB's own shell: it can read and write files. DuckDB
 * works within its memory limit ({@code -Dhubshare.sql.memoryLimit}, default 256MB), spilling to a temporary
 * directory. Not thread-safe.
 */
public final class SnapshotSql implements AutoCloseable {
  private static final Pattern NAMES_LINEAGE = Pattern.compile("(?i)\\blineage\\b");

  private final Connection connection;
  private final List<Snapshot> snapshots;
  private final Path temp;
  private boolean lineageBuilt;

  private SnapshotSql(Connection connection, List<Snapshot> snapshots, Path temp) {
    this.connection = connection;
    this.snapshots = snapshots;
    this.temp = temp;
  }

  /**
   * Opens the snapshots: files of any format {@link Snapshots#open} reads, or directories of dated files (the
   * weekly archive's folders, a {@link ParquetExport}).
   *
   * @param at the time of a single file that does not state one, or {@code null}
   * @param origins the registry for the {@code origins} table
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if no snapshot is given, or two are the same hub at the same time
   */
  public static SnapshotSql open(List<Path> sources, @Nullable Instant at, OriginRegistry origins)
      throws IOException {
    Objects.requireNonNull(origins, "origins");
    List<Path> files = new ArrayList<>();
    for (Path p : sources) files.addAll(Files.isDirectory(p) ? Snapshots.series(p) : List.of(p));
    if (files.isEmpty()) throw new IllegalArgumentException("no snapshot given");
    if (at != null && files.size() > 1) {
      throw new IllegalArgumentException("a time given applies to one snapshot file, not " + files.size());
    }
    List<Snapshot> opened = new ArrayList<>();
    Path temp = Files.createTempDirectory("hubshare-sql");
    Connection c = null;
    try {
      for (Path f : files) opened.add(Snapshots.open(f, at));
      c = DuckDb.open(DuckDb.threads(2), temp);
      SnapshotSql sql = new SnapshotSql(c, List.copyOf(opened), temp);
      sql.createModels();
      sql.createOrigins(origins);
      return sql;
    } catch (SQLException e) {
      closeAll(opened, c, temp);
      throw DuckDb.failure("preparing the tables", e);
    } catch (IOException | RuntimeException e) {
      closeAll(opened, c, temp);
      throw e;
    }
  }

  /** The snapshots, in the order given (directories in date order). */
  public List<Snapshot> snapshots() {
    return snapshots;
  }

  /**
   * Runs a query. Close the result set when done; its rows stream from DuckDB.
   *
   * @throws IOException with DuckDB's message if the query fails
   */
  public ResultSet query(String sql) throws IOException {
    Objects.requireNonNull(sql, "sql");
    if (!lineageBuilt && NAMES_LINEAGE.matcher(sql).find()) createLineage();
    try {
      Statement st = connection.createStatement();
      st.closeOnCompletion();
      return st.executeQuery(sql);
    } catch (SQLException e) {
      throw DuckDb.failure("the query failed", e);
    }
  }

  /** The connection, for what {@link #query} does not cover (prepared statements, metadata). */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    closeAll(snapshots, connection, temp);
  }

  private void createModels() throws IOException, SQLException {
    StringJoiner union = new StringJoiner(" UNION ALL BY NAME ");
    for (Snapshot s : snapshots) {
      Instant t = s.header().startedAt();
      String date = t == null ? "CAST(NULL AS DATE)" : "DATE '" + LocalDate.ofInstant(t, ZoneOffset.UTC) + "'";
      union.add("SELECT " + WireColumns.literal(s.header().hub()) + " AS hub, " + date + " AS date, * FROM ("
          + ModelsSql.select(connection, s) + ")");
    }
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE VIEW models AS " + union);
    }
  }

  private void createOrigins(OriginRegistry registry) throws SQLException {
    OriginsTable.create(connection, "origins", false, registry);
  }

  private void createLineage() throws IOException {
    List<String> fields = List.of("id", "author", "tags", "baseModels", "cardData", "library_name");
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE lineage (hub VARCHAR, date DATE, id VARCHAR, parent VARCHAR, root VARCHAR, "
          + "relation VARCHAR)");
      for (Snapshot s : snapshots) {
        LineageIndex.Builder links = LineageIndex.builder();
        try (Stream<Model> models = s.stream(fields)) {
          models.forEach(links::add);
        }
        LineageIndex index = links.build();
        Instant t = s.header().startedAt();
        LocalDate date = t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
        try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class).createAppender("lineage");
            Stream<Model> models = s.stream(fields)) {
          for (Iterator<Model> it = models.iterator(); it.hasNext(); ) {
            Model m = it.next();
            a.beginRow();
            a.append(s.header().hub());
            if (date == null) {
              a.appendNull();
            } else {
              a.append(date);
            }
            a.append(m.id());
            OriginsTable.append(a, m.isDerivative() ? index.creditedId(m, Attribution.PARENT) : null);
            a.append(index.creditedId(m, Attribution.ROOT));
            a.append(m.relation().label());
            a.endRow();
          }
        }
      }
      lineageBuilt = true;
    } catch (SQLException e) {
      throw DuckDb.failure("building the lineage table", e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void closeAll(List<Snapshot> snapshots, @Nullable Connection c, Path temp) {
    for (Snapshot s : snapshots) s.close();
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // An in-memory database: nothing is lost.
      }
    }
    try (Stream<Path> walk = Files.walk(temp)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // A temporary directory left behind is removed by the system.
    }
  }

  @Override
  public String toString() {
    return "SnapshotSql[" + snapshots.size() + " snapshot" + (snapshots.size() == 1 ? "" : "s") + "]";
  }
}
