package io.hubshare.snapshot;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first line of a snapshot file: what was listed, from where, and when. A snapshot is only as good as this
 * line: the delta rule ({@link SnapshotDelta}) needs {@link #startedAt()}, and a reader needs {@link #count()} to
 * tell a complete file from a truncated one.
 *
 * <p>On disk it is one JSON object, with {@code "format":"hubshare-snapshot"} first:
 * <pre>{@code
 * {"format":"hubshare-snapshot","formatVersion":1,"hub":"huggingface","endpoint":"https://huggingface.co",
 *  "query":"sort=downloads&limit=1000&expand=downloadsAllTime&expand=createdAt",
 *  "startedAt":"2026-08-01T00:00:00Z","completedAt":"2026-08-01T02:13:45Z","count":851234}
 * }</pre>
 * Fields a reader does not know are ignored, so later versions may add some without a new format version.
 *
 * @param formatVersion the version of the file format, {@value #CURRENT_FORMAT_VERSION} for files this version
 *     writes
 * @param hub the hub listed, such as {@code huggingface}
 * @param endpoint the hub's base URL, such as {@code https://huggingface.co}
 * @param query the listing's parameters as a URL-encoded query string without the cursor, such as
 *     {@code author=Qwen&sort=downloads}; empty when the file was not made by one listing (see {@link #note()})
 * @param startedAt when the listing started: every model line was read at or after this instant. {@code null} only
 *     for a file without a hubshare header whose time is unknown (JSON Lines or Parquet without a date in their
 *     metadata or path, opened without one): what needs the time (deltas, series, windows) refuses such a snapshot
 *     and says to give it
 * @param completedAt when the listing ended: every model line was read at or before this instant; {@code null}
 *     when unknown
 * @param count the number of model lines that follow the header
 * @param limit the most models the listing was asked for, or {@code null} for the whole listing
 * @param note free text for humans, such as how a file not made by a crawl came about; {@code null} if none
 * @param source where the data comes from when it is not the endpoint itself (a data set, with its licence);
 *     {@code null} if none
 */
public record SnapshotHeader(
    int formatVersion,
    String hub,
    String endpoint,
    String query,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    long count,
    @Nullable Long limit,
    @Nullable String note,
    @Nullable String source) {

  /** The value of the header's {@code format} field, which marks a file as a hubshare snapshot. */
  public static final String FORMAT = "hubshare-snapshot";

  /** The format version this version of hubshare writes, and the newest it reads. */
  public static final int CURRENT_FORMAT_VERSION = 1;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is out of range or {@code completedAt} is before {@code startedAt}
   */
  public SnapshotHeader {
    if (formatVersion < 1) throw new IllegalArgumentException("formatVersion must be at least 1: " + formatVersion);
    Objects.requireNonNull(hub, "hub");
    if (hub.isBlank()) throw new IllegalArgumentException("hub must not be blank");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(query, "query");
    if (completedAt != null && startedAt != null && completedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("completedAt " + completedAt + " is before startedAt " + startedAt);
    }
    if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
    if (limit != null && limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
  }

  /**
   * A header of the current format version for a file that was not made by a crawl, such as an import. Its count
   * is set by the writer ({@link Snapshots#importLines}).
   *
   * {@snippet :
   * SnapshotHeader h = SnapshotHeader.describing("huggingface", "https://huggingface.co",
   *     Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"),
   *     "Exported from our 2026-08 crawl database", "https://example.org/crawl-2026-08");
   * }
   */
  public static SnapshotHeader describing(String hub, String endpoint, Instant startedAt,
      @Nullable Instant completedAt, @Nullable String note, @Nullable String source) {
    return new SnapshotHeader(CURRENT_FORMAT_VERSION, hub, endpoint, "", startedAt, completedAt, 0, null, note, source);
  }

  /**
   * When the listing started, for the computations that need it.
   *
   * @param what what needs it, for the message ("a delta", "a series")
   * @throws IllegalStateException if it is unknown, saying how to give it
   */
  public Instant requireStartedAt(String what) {
    if (startedAt == null) {
      throw new IllegalStateException(what + " needs the time of each snapshot, and this one's is unknown (no "
          + "header, no date in its metadata or path): give it when opening (Snapshots.open(file, at), --at DATE)");
    }
    return startedAt;
  }

  /**
   * The header as hubshare writes it: one line of JSON, {@code "format":"hubshare-snapshot"} first. A Parquet export
   * stores it in its key-value metadata, so the file keeps its time and origin.
   *
   * @throws IllegalArgumentException if {@link #startedAt()} is unknown: a written snapshot states its time
   */
  public String toJson() {
    return SnapshotJson.headerLine(this);
  }

  /** This header with another model count. */
  public SnapshotHeader withCount(long newCount) {
    return new SnapshotHeader(formatVersion, hub, endpoint, query, startedAt, completedAt, newCount, limit, note,
        source);
  }
}
