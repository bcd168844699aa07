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
import org.jspecify.annotations.Nullable;

/**
 * How far a partitioned crawl got: the lengths of its partial file and of its journal after the last complete step,
 * and the counts the header needs. Where the crawl stands (which part, which sort order, which page) is replayed from
 * the journal. Written atomically after both files are synced.
 *
 * @param hub the hub listed
 * @param endpoint the hub's base URL
 * @param query the whole listing's query string, before partitioning
 * @param startedAt when the crawl started
 * @param bytes the length of the partial file that holds complete pages
 * @param count the models in those bytes
 * @param duplicates models served again (by another part or sort order) and kept once
 * @param pages the pages fetched
 * @param journal the length of the journal that describes those pages
 * @param completedAt when the last part was listed; {@code null} while parts remain
 */
record PartitionCheckpoint(String hub, String endpoint, String query, Instant startedAt, long bytes, long count,
    long duplicates, long pages, long journal, @Nullable Instant completedAt) {

  private static final String FORMAT = "hubshare-partitioned-crawl-checkpoint";
  private static final int VERSION = 1;

  static PartitionCheckpoint start(String hub, String endpoint, String query, Instant startedAt) {
    return new PartitionCheckpoint(hub, endpoint, query, startedAt, 0, 0, 0, 0, 0, null);
  }

  PartitionCheckpoint page(long newBytes, long added, long skipped, long newJournal) {
    return new PartitionCheckpoint(hub, endpoint, query, startedAt, newBytes, count + added, duplicates + skipped,
        pages + 1, newJournal, completedAt);
  }

  PartitionCheckpoint journal(long newJournal) {
    return new PartitionCheckpoint(hub, endpoint, query, startedAt, bytes, count, duplicates, pages, newJournal,
        completedAt);
  }

  PartitionCheckpoint end(Instant ended) {
    return new PartitionCheckpoint(hub, endpoint, query, startedAt, bytes, count, duplicates, pages, journal, ended);
  }

  boolean done() {
    return completedAt != null;
  }

  boolean sameListing(String otherHub, String otherEndpoint, String otherQuery) {
    return hub.equals(otherHub) && endpoint.equals(otherEndpoint) && query.equals(otherQuery);
  }

  void write(Path file) throws IOException {
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("formatVersion", VERSION);
    o.put("hub", hub);
    o.put("endpoint", endpoint);
    o.put("query", query);
    o.put("startedAt", startedAt.toString());
    o.put("bytes", bytes);
    o.put("count", count);
    o.put("duplicates", duplicates);
    o.put("pages", pages);
    o.put("journal", journal);
    if (completedAt != null) o.put("completedAt", completedAt.toString());
    Durable.write(file, (SnapshotJson.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static PartitionCheckpoint read(Path file) throws IOException {
    JsonNode o;
    try {
      o = SnapshotJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(file, 1, "not a crawl checkpoint: not JSON (" + SnapshotJson.describe(e) + ")");
    }
    if (o == null || !FORMAT.equals(o.path("format").asText(null))) {
      throw new SnapshotFormatException(file, 1, "not a partitioned crawl checkpoint (no \"format\":\"" + FORMAT
          + "\"): it belongs to a crawl of one listing; resume it without partitioning, or delete it");
    }
    if (o.path("formatVersion").asInt(0) != VERSION) {
      throw new SnapshotFormatException(file, 1, "a partitioned crawl checkpoint of format version "
          + o.path("formatVersion").asText() + ", which this hubshare does not resume (it writes " + VERSION + ")");
    }
    try {
      return new PartitionCheckpoint(SnapshotJson.required(o, "hub"), SnapshotJson.required(o, "endpoint"),
          SnapshotJson.required(o, "query"), Instant.parse(SnapshotJson.required(o, "startedAt")),
          SnapshotJson.count(o, "bytes"), SnapshotJson.count(o, "count"), SnapshotJson.count(o, "duplicates"),
          SnapshotJson.count(o, "pages"), SnapshotJson.count(o, "journal"),
          SnapshotJson.instant(o, "completedAt"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new SnapshotFormatException(file, 1, "invalid crawl checkpoint: " + e.getMessage());
    }
  }
}
