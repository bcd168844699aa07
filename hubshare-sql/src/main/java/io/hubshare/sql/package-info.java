/**
 * Parquet and SQL over snapshots, with DuckDB: {@link io.hubshare.sql.ParquetExport} writes any snapshot as Parquet
 * in a Hive-style layout that DuckDB, Spark and Trino read together; {@link io.hubshare.sql.SnapshotSql} runs SQL
 * over snapshots with the tables {@code models}, {@code origins} and {@code lineage}. With this artifact on the
 * path, {@link io.hubshare.snapshot.Snapshots#open} also reads Parquet files.
 */
@NullMarked
package io.hubshare.sql;

import org.jspecify.annotations.NullMarked;
