/** Snapshots: crawls stored as gzip JSON Lines, resumable, read back as streams; metrics over time. */
@NullMarked
package io.hubshare.snapshot;

import org.jspecify.annotations.NullMarked;
