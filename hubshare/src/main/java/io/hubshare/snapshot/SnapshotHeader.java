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
 * <p>Make one with {@link #builder(String, String, Instant)} (or {@link #describing}); the canonical constructor is
 * not part of the compatible API, as it gains a parameter whenever the header gains a field.
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
   * Checks the values. For hubshare's readers and writers: not part of the compatible API (see the class comment);
   * use {@link #builder(String, String, Instant)}.
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
   * <pre>{@code
   * SnapshotHeader h = SnapshotHeader.describing("huggingface", "https://huggingface.co",
   *     Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"),
   *     "Exported from our 2026-08 crawl database", "https://example.org/crawl-2026-08");
   * }</pre>
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

  /**
   * A builder of a header of the current format version, with an empty query, no end time, a count of 0 and no
   * limit, note or source until set.
   *
   * @param hub the hub listed, such as {@code huggingface}
   * @param endpoint the hub's base URL
   * @param startedAt when the listing started, or {@code null} when unknown (a file that does not say)
   * @return a new builder
   */
  public static Builder builder(String hub, String endpoint, @Nullable Instant startedAt) {
    return new Builder(hub, endpoint, startedAt);
  }

  /**
   * A builder holding this header's fields, to make a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(hub, endpoint, startedAt).formatVersion(formatVersion).query(query).completedAt(completedAt)
        .count(count).limit(limit).note(note).source(source);
  }

  /**
   * This header with another model count.
   *
   * @param newCount the number of model lines
   * @return a copy with that count
   */
  public SnapshotHeader withCount(long newCount) {
    return new SnapshotHeader(formatVersion, hub, endpoint, query, startedAt, completedAt, newCount, limit, note,
        source);
  }

  /**
   * The most models the listing was asked for, or {@code fallback} for a listing without a limit.
   *
   * @param fallback the value when there was no limit, such as {@code Long.MAX_VALUE}
   * @return {@link #limit()} unboxed, or {@code fallback}
   */
  public long limitOr(long fallback) {
    return limit == null ? fallback : limit;
  }

  /** Makes a {@link SnapshotHeader} field by field; {@link #build()} checks the values as the constructor does. */
  public static final class Builder {
    private int formatVersion = CURRENT_FORMAT_VERSION;
    private final String hub;
    private final String endpoint;
    private String query = "";
    private final @Nullable Instant startedAt;
    private @Nullable Instant completedAt;
    private long count;
    private @Nullable Long limit;
    private @Nullable String note;
    private @Nullable String source;

    private Builder(String hub, String endpoint, @Nullable Instant startedAt) {
      this.hub = Objects.requireNonNull(hub, "hub");
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.startedAt = startedAt;
    }

    /**
     * Sets {@link SnapshotHeader#formatVersion()}; the current one unless set.
     *
     * @param formatVersion the file format's version
     * @return this builder
     */
    public Builder formatVersion(int formatVersion) {
      this.formatVersion = formatVersion;
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#query()}.
     *
     * @param query the listing's parameters as a URL-encoded query string, or empty
     * @return this builder
     */
    public Builder query(String query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#completedAt()}.
     *
     * @param completedAt when the listing ended, or {@code null}
     * @return this builder
     */
    public Builder completedAt(@Nullable Instant completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#count()}.
     *
     * @param count the number of model lines
     * @return this builder
     */
    public Builder count(long count) {
      this.count = count;
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#limit()}.
     *
     * @param limit the most models asked for, or {@code null}
     * @return this builder
     */
    public Builder limit(@Nullable Long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#note()}.
     *
     * @param note free text for humans, or {@code null}
     * @return this builder
     */
    public Builder note(@Nullable String note) {
      this.note = note;
      return this;
    }

    /**
     * Sets {@link SnapshotHeader#source()}.
     *
     * @param source where the data comes from, or {@code null}
     * @return this builder
     */
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /**
     * The header.
     *
     * @return a new header
     * @throws IllegalArgumentException if a value is out of range (see the constructor)
     */
    public SnapshotHeader build() {
      return new SnapshotHeader(formatVersion, hub, endpoint, query, startedAt, completedAt, count, limit, note,
          source);
    }
  }
}
