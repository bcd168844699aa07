package io.hubshare.sql.internal;

import io.hubshare.analytics.StudyGroups;
import io.hubshare.domain.Hub;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The origin registry as a DuckDB table, one row per hub and account with its study group: the {@code origins}
 * table of {@code hubshare sql} and the {@code _origins} file of an export are the same rows.
 */
public final class OriginsTable {
  private OriginsTable() {}

  /**
   * Creates {@code name} and fills it from {@code registry}.
   *
   * @param temporary whether the table is a temporary one (an export's staging table) or stays in the database
   */
  public static void create(Connection c, String name, boolean temporary, OriginRegistry registry)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE " + (temporary ? "TEMP " : "") + "TABLE " + name + " (hub VARCHAR, "
          + "account VARCHAR, organization VARCHAR, country VARCHAR, region VARCHAR, kind VARCHAR, source VARCHAR, "
          + "study_group VARCHAR)");
    }
    StudyGroups groups = StudyGroups.bundled();
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = temporary ? duck.createAppender("temp", "main", name) : duck.createAppender(name)) {
      for (Hub hub : registry.hubs()) {
        for (Origin o : registry.entries(hub)) {
          a.beginRow();
          a.append(hub.name());
          a.append(o.account());
          append(a, o.organization());
          append(a, o.country());
          a.append(o.region());
          a.append(o.kind().label());
          append(a, o.source());
          append(a, groups.groupOf(o));
          a.endRow();
        }
      }
    }
  }

  /** Appends a value that may be absent, as SQL {@code NULL}. */
  public static void append(DuckDBAppender a, @Nullable String value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value);
    }
  }
}
