/**
 * hubshare's optional engine, DuckDB: reads Parquet snapshots (such as the Hub's public daily and weekly
 * {@code models.parquet}) for {@code io.hubshare.snapshot.Snapshots#open}, writes snapshots as Parquet in a
 * Hive-style layout ({@link io.hubshare.sql.ParquetExport}), and runs SQL over snapshots
 * ({@link io.hubshare.sql.SnapshotSql}). The core library never depends on it.
 */
// "requires-automatic": DuckDB's driver ships as an automatic module (a name in its manifest, no module-info); that
// name is stable, and requiring it is the only way to use the driver from a module.
@SuppressWarnings("requires-automatic")
module io.hubshare.sql {
  requires transitive io.hubshare;
  requires transitive java.sql; // SnapshotSql hands out Connection and ResultSet
  requires duckdb.jdbc;
  requires static org.jspecify;

  exports io.hubshare.sql;

  provides io.hubshare.internal.columnar.ColumnarReader with io.hubshare.sql.internal.ParquetReader;
}
