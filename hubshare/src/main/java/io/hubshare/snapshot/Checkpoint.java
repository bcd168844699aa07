package io.hubshare.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
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
 * @param partialSha256 the SHA-256 (hex) of the partial file's first {@code bytes}: a partial file rewritten or
 *     damaged since (an id injected, a page dropped) no longer matches
 *
 * <p>The file also carries a {@code checksum}: the SHA-256 of every other field, so a checkpoint edited by hand (a
 * cursor moved 500 models on) or damaged is refused, not resumed from.
 */
record Checkpoint(String hub, String endpoint, String query, @Nullable Long limit, Instant startedAt,
    @Nullable String cursor, long bytes, long count, long duplicates, long pages, @Nullable Instant completedAt,
    String partialSha256) {

  private static final String FORMAT = "hubshare-crawl-checkpoint";
  /** 2: with {@code partialSha256} and {@code checksum}. */
  private static final int VERSION = 2;
  /** A checkpoint is a few hundred bytes; a larger file is not one (and is not read whole). */
  private static final int MAX_BYTES = 1 << 20;
  /** The SHA-256 of nothing: the partial file of a crawl that has written no page. */
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The state of a crawl that has fetched nothing yet. */
  static Checkpoint start(String hub, String endpoint, String query, @Nullable Long limit, Instant startedAt,
      @Nullable String cursor) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, cursor, 0, 0, 0, 0, null, EMPTY_SHA256);
  }

  /** The state after one more page; {@code sha256} is that of the partial file's first {@code newBytes}. */
  Checkpoint advance(@Nullable String nextCursor, long newBytes, long added, long skipped, @Nullable Instant ended,
      String sha256) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, nextCursor, newBytes, count + added,
        duplicates + skipped, pages + 1, ended, sha256);
  }

  /** The state of a listing that has no more pages. */
  Checkpoint end(Instant ended) {
    return new Checkpoint(hub, endpoint, query, limit, startedAt, null, bytes, count, duplicates, pages, ended,
        partialSha256);
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
    ObjectNode o = fields();
    o.put("checksum", checksum());
    Durable.write(file, (SnapshotJson.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Every field but the checksum, in a fixed order. */
  private ObjectNode fields() {
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
    o.put("partialSha256", partialSha256);
    return o;
  }

  /** The SHA-256 (hex) of the other fields as written: what {@link #read} checks. */
  String checksum() {
    try {
      byte[] text = SnapshotJson.write(fields()).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  /**
   * Reads a state written by {@link #write}.
   *
   * @throws SnapshotFormatException if the file is not such a state, or was edited or damaged since (its checksum
   *     no longer matches), naming the file and line
   */
  static Checkpoint read(Path file) throws IOException {
    String text = readText(file);
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
          + o.path("formatVersion").asText() + ", which this hubshare does not resume (it writes " + VERSION
          + "): delete it and the partial file beside it to start again");
    }
    Checkpoint cp;
    try {
      JsonNode limit = o.get("limit");
      cp = new Checkpoint(SnapshotJson.required(o, "hub"), SnapshotJson.required(o, "endpoint"),
          SnapshotJson.required(o, "query"), limit == null || limit.isNull() ? null : limit.asLong(),
          Instant.parse(SnapshotJson.required(o, "startedAt")), SnapshotJson.text(o, "cursor"),
          SnapshotJson.count(o, "bytes"), SnapshotJson.count(o, "count"), SnapshotJson.count(o, "duplicates"),
          SnapshotJson.count(o, "pages"), SnapshotJson.instant(o, "completedAt"),
          SnapshotJson.required(o, "partialSha256"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new SnapshotFormatException(file, 1, "invalid crawl checkpoint: " + e.getMessage());
    }
    if (!cp.checksum().equals(o.path("checksum").asText(""))) {
      throw new SnapshotFormatException(file, 1, "the crawl checkpoint was edited or damaged (its checksum does not "
          + "match its content): resuming from it could skip or repeat models; delete it and the partial file "
          + "beside it to start again");
    }
    return cp;
  }

  /** The file's text: at most {@link #MAX_BYTES}, strict UTF-8, a fault named by its line. */
  private static String readText(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new SnapshotFormatException(file, 0, "not a crawl checkpoint: larger than " + (MAX_BYTES >> 10) + " KiB");
    }
    try (Lines lines = new Lines(file, new ByteArrayInputStream(bytes))) {
      StringBuilder b = new StringBuilder();
      for (String line = lines.next(); line != null; line = lines.next()) b.append(line).append('\n');
      return b.toString();
    }
  }
}
