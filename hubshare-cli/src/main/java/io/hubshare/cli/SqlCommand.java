package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.sql.SnapshotSql;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hubshare sql "SELECT …" --from SNAPSHOT…}: a query over snapshots, printed like the other commands. */
@Command(name = "sql",
    description = "Run a SQL query (DuckDB's dialect) over snapshots. Tables: models (every snapshot given, one row "
        + "per model, with hub and date, and the list API's columns: id, author, createdAt, downloads, "
        + "downloadsAllTime, likes, tags, pipeline_tag, library_name, cardData, baseModels…), origins (hub, "
        + "account, organization, country, region, kind, source, study_group) and lineage (hub, date, id, parent, "
        + "root, "
        + "relation). The query runs with your rights, as in DuckDB's own shell.")
final class SqlCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query, such as \"SELECT count(*) FROM models\".")
  private String query;

  @Option(names = "--from", paramLabel = "SNAPSHOT", arity = "1..*", required = true,
      description = "Snapshots of any format hubshare reads; a directory stands for its dated files (an export "
          + "directory, the weekly archive's folders).")
  private List<Path> from = new ArrayList<>();

  @Option(names = "--at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
      description = "When the one --from file was read, for a file that does not say.")
  private @Nullable Instant at;

  @Option(names = "--origins", paramLabel = "FILE",
      description = "Extra origins, a CSV file in the format of the bundled origins.csv; its entries win.")
  private @Nullable Path originsFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Override
  public Integer call() throws IOException {
    List<Path> files = SnapshotFiles.expand(from);
    if (at != null && files.size() != 1) {
      throw CliFailure.usage("--at gives the time of one --from file, not of " + files.size());
    }
    try (SnapshotSql sql = SnapshotSql.open(files, at, Registries.load(originsFile))) {
      for (Snapshot s : sql.snapshots()) {
        if (s.format() != io.hubshare.snapshot.SnapshotFormat.HUBSHARE) {
          spec.commandLine().getErr().println("snapshot: " + s.describe());
        }
      }
      spec.commandLine().getErr().flush();
      try (ResultSet rs = sql.query(query)) {
        print(rs);
      } catch (SQLException e) {
        throw new IOException("reading the query's result: " + e.getMessage(), e);
      }
    }
    return ExitCodes.OK;
  }

  private void print(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) names[i] = meta.getColumnLabel(i + 1);
    Output out = Output.of(spec);
    if (format == OutputFormat.JSON) {
      ArrayNode rows = Json.array();
      while (rs.next()) {
        ObjectNode row = rows.addObject();
        for (int i = 0; i < n; i++) put(row, names[i], value(rs.getObject(i + 1)));
      }
      out.json(rows);
      return;
    }
    TextTable table = TextTable.of(names);
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int t = meta.getColumnType(i + 1);
      if (t == java.sql.Types.BIGINT || t == java.sql.Types.INTEGER || t == java.sql.Types.DOUBLE
          || t == java.sql.Types.DECIMAL || t == java.sql.Types.SMALLINT || t == java.sql.Types.TINYINT
          || t == java.sql.Types.FLOAT || t == java.sql.Types.NUMERIC || t == java.sql.Types.REAL) {
        numeric.add(i);
      }
    }
    table.alignRight(numeric.stream().mapToInt(Integer::intValue).toArray());
    while (rs.next()) {
      Object[] cells = new Object[n];
      for (int i = 0; i < n; i++) cells[i] = text(value(rs.getObject(i + 1)));
      table.add(cells);
    }
    out.print(format == OutputFormat.CSV ? table.toCsv() : table.toText());
  }

  /** A JDBC value as plain Java: lists for arrays, text for what JSON has no type for. */
  private static @Nullable Object value(@Nullable Object v) throws SQLException {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
        || v instanceof Short || v instanceof Byte || v instanceof Double || v instanceof Float
        || v instanceof BigDecimal || v instanceof BigInteger) {
      return v;
    }
    if (v instanceof Array a) {
      List<Object> items = new ArrayList<>();
      for (Object o : (Object[]) a.getArray()) items.add(value(o));
      return items;
    }
    if (v instanceof java.time.OffsetDateTime t) return t.toInstant().toString();
    return v.toString();
  }

  private static @Nullable String text(@Nullable Object v) {
    if (v == null) return null;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
    return v.toString();
  }

  private static void put(ObjectNode row, String name, @Nullable Object v) {
    if (v == null) {
      row.putNull(name);
    } else if (v instanceof Boolean b) {
      row.put(name, b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      row.put(name, ((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      row.put(name, ((Number) v).doubleValue());
    } else if (v instanceof BigDecimal d) {
      row.put(name, d);
    } else if (v instanceof BigInteger b) {
      row.put(name, b);
    } else if (v instanceof List<?> l) {
      ArrayNode a = row.putArray(name);
      for (Object o : l) a.add(o == null ? null : o.toString());
    } else {
      row.put(name, v.toString());
    }
  }
}
