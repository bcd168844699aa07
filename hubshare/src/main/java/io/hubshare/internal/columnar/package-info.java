/**
 * The seam to an optional engine that reads columnar files (Parquet): the core finds an implementation through
 * {@link java.util.ServiceLoader} and reads each row as the list API's JSON object, parsed by the hub's own parser.
 * Exported only to {@code io.hubshare.sql}, which implements it with DuckDB; without that module on the path,
 * opening a Parquet file says which artifact to add.
 */
@NullMarked
package io.hubshare.internal.columnar;

import org.jspecify.annotations.NullMarked;
