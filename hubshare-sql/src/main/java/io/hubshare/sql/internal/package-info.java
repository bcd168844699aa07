/** DuckDB behind hubshare's columnar seam and SQL: not API. */
@NullMarked
package io.hubshare.sql.internal;

import org.jspecify.annotations.NullMarked;
