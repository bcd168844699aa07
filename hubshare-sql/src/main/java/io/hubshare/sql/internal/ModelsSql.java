package io.hubshare.sql.internal;

import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A snapshot file as a DuckDB query with the export's columns and types ({@link WireColumns#EXPORTED}), read
 * straight from the file: Parquet through {@code read_parquet}, JSON Lines (hubshare's, with the header row left
 * out, or headerless) through {@code read_json} with every field as {@code JSON}. Absent stays {@code NULL}.
 */
public final class ModelsSql {
  private ModelsSql() {}

  /** The {@code SELECT} of a snapshot's models with the export's columns, in the file's order. */
  public static String select(Connection c, Snapshot snapshot) throws IOException {
    Path file = snapshot.file();
    Map<String, String> types = new LinkedHashMap<>();
    String from;
    String where = "";
    if (snapshot.format() == SnapshotFormat.PARQUET) {
      from = ParquetReader.source(file);
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
        while (rs.next()) types.put(rs.getString(1), rs.getString(2));
      } catch (SQLException e) {
        throw DuckDb.failure("reading the columns of " + file, e);
      }
    } else {
      StringJoiner columns = new StringJoiner(", ", "{", "}");
      for (String f : WireColumns.FIELDS.keySet()) {
        columns.add(WireColumns.quote(f) + ": 'JSON'");
        types.put(f, "JSON");
      }
      columns.add("\"format\": 'JSON'");
      from = "read_json(" + DuckDb.file(file) + ", format = 'newline_delimited', columns = " + columns + ")";
      // The header row: hubshare's first line, {"format":"hubshare-snapshot",…}.
      where = " WHERE \"format\" IS NULL OR json_type(\"format\") <> 'VARCHAR' OR \"format\"->>'$' <> "
          + "'hubshare-snapshot'";
    }
    StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + from + where);
    for (String f : WireColumns.EXPORTED) select.add(column(types, f) + " AS " + WireColumns.quote(f));
    return "SELECT * FROM (" + select + ") WHERE id IS NOT NULL";
  }

  /** One export column: the canonical value, JSON objects as text, {@code baseModels} as the Hub's struct. */
  static String column(Map<String, String> types, String field) {
    String typed = WireColumns.typedOrNull(types, field);
    if (field.equals("id") && typed == null) typed = WireColumns.typedOrNull(types, "modelId");
    if (typed == null) {
      String type = field.equals("baseModels") ? WireColumns.BASE_MODELS_TYPE
          : WireColumns.FIELDS.get(field) == WireColumns.Kind.OBJECT ? "VARCHAR" : WireColumns.canonical(field);
      return "CAST(NULL AS " + type + ")";
    }
    if (field.equals("id") && types.containsKey("modelId") && WireColumns.typedOrNull(types, "modelId") != null) {
      typed = "coalesce(" + typed + ", " + WireColumns.typedOrNull(types, "modelId") + ")";
    }
    if (field.equals("baseModels")) {
      return "CASE json_type(" + typed + ") WHEN 'OBJECT' THEN json_transform(" + typed
          + ", '{\"relation\":\"VARCHAR\",\"models\":[{\"id\":\"VARCHAR\"}]}') WHEN 'ARRAY' THEN "
          + "{'relation': CAST(NULL AS VARCHAR), 'models': json_transform(" + typed
          + ", '[{\"id\":\"VARCHAR\"}]')} END";
    }
    if (WireColumns.FIELDS.get(field) == WireColumns.Kind.OBJECT) return "CAST(" + typed + " AS VARCHAR)";
    return typed;
  }
}
