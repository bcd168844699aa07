package io.hubshare.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far a crawl got: the cursor of the next page and the length of the partial file after the last complete
 * page. Written atomically after that page's bytes are synced, so at any instant the checkpoint describes a prefix
 * of the partial file that holds whole pages only. It also keeps what the header needs (listing and start time),
 * so a resumed crawl writes the header the uninterrupted one would have.
 *
 * @param hub the hub listed
 * @param endpoint the hub's base URL
 * @param query the listing's query string ({@link QueryStrings#of})
 * @param limit the most models asked for, or {@code null}
 * @param startedAt when the crawl started
 * @param cursor where the next page starts, or {@code null} for the listing's first page
 * @param bytes the length of the partial file that holds complete pages
 * @param count the models in those bytes
 * @param duplicates the models skipped because their id was already written
 * @param pages the pages fetched
 * @param completedAt when the listing ended; {@code null} while pages remain
 */
record Checkpoint(String hub, String endpoint, String query, @Nullable Long limit, Instant startedAt,
    @Nullable String cursor, long bytes, long count, long duplicates, long pages, @Nullable Instant completedAt) {

  private static final String FORMAT = "hubshare-crawl-checkpoint";
  private static final int VERSION = 1;

  /** The state of a crawl that has fetched nothing yet. */
  static Checkpoint start(String hub, String endpoint, String query, @Nullable Long limit, Instant startedAt,
      @Nullable String cursor) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, cursor, 0, 0, 0, 0, null);
  }

  /** The state after one more page. */
  Checkpoint advance(@Nullable String nextCursor, long newBytes, long added, long skipped, @Nullable Instant ended) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, nextCursor, newBytes, count + added,
        duplicates + skipped, pages + 1, ended);
  }

  /** The state of a listing that has no more pages. */
  Checkpoint end(Instant ended) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, null, bytes, count, duplicates, pages, ended);
  }

  /** Whether the listing has ended: only the final file remains to be written. */
  boolean done() {
    return completedAt != null;
  }

  /** Whether this state belongs to the same listing as {@code other}. */
  boolean sameListing(Checkpoint other) {
    return hub.equals(other.hub) && endpoint.equals(other.endpoint) && query.equals(other.query)
        && Objects.equals(limit, other.limit);
  }

  /** Replaces {@code file} with this state, atomically. */
  void write(Path file) throws IOException {
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("formatVersion", VERSION);
    o.put("hub", hub);
    o.put("endpoint", endpoint);
    o.put("query", query);
    if (limit != null) o.put("limit", limit);
    o.put("startedAt", startedAt.toString());
    if (cursor != null) o.put("cursor", cursor);
    o.put("bytes", bytes);
    o.put("count", count);
    o.put("duplicates", duplicates);
    o.put("pages", pages);
    if (completedAt != null) o.put("completedAt", completedAt.toString());
    Durable.write(file, (SnapshotJson.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a state written by {@link #write}. */
  static Checkpoint read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode o;
    try {
      o = SnapshotJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(file, 1, "not a crawl checkpoint: not JSON (" + SnapshotJson.describe(e) + ")");
    }
    if (o == null || !FORMAT.equals(o.path("format").asText(null))) {
      throw new SnapshotFormatException(file, 1, "not a crawl checkpoint (no \"format\":\"" + FORMAT + "\")");
    }
    if (o.path("formatVersion").asInt(0) != VERSION) {
      throw new SnapshotFormatException(file, 1, "a crawl checkpoint of format version "
          + o.path("formatVersion").asText() + ", which this hubshare does not resume (it writes " + VERSION + ")");
    }
    try {
      JsonNode limit = o.get("limit");
      return new Checkpoint(SnapshotJson.required(o, "hub"), SnapshotJson.required(o, "endpoint"),
          SnapshotJson.required(o, "query"), limit == null || limit.isNull() ? null : limit.asLong(),
          Instant.parse(SnapshotJson.required(o, "startedAt")), SnapshotJson.text(o, "cursor"),
          number(o, "bytes"), number(o, "count"), number(o, "duplicates"), number(o, "pages"),
          SnapshotJson.instant(o, "completedAt"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new SnapshotFormatException(file, 1, "invalid crawl checkpoint: " + e.getMessage());
    }
  }

  private static long number(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
      throw new IllegalArgumentException("no valid \"" + field + "\"");
    }
    return v.asLong();
  }
}
