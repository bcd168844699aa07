package io.hubshare.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The JSON of snapshot headers and model lines. Jackson stays in here: its exceptions become plain messages. */
final class SnapshotJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private SnapshotJson() {}

  /** The header as one line of JSON, {@code format} first. */
  static String headerLine(SnapshotHeader h) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", SnapshotHeader.FORMAT);
    o.put("formatVersion", h.formatVersion());
    o.put("hub", h.hub());
    o.put("endpoint", h.endpoint());
    o.put("query", h.query());
    if (h.limit() != null) o.put("limit", h.limit());
    Instant started = h.startedAt();
    if (started == null) {
      throw new IllegalArgumentException("a snapshot file records when its listing started: the header has no "
          + "startedAt");
    }
    o.put("startedAt", started.toString());
    if (h.completedAt() != null) o.put("completedAt", h.completedAt().toString());
    o.put("count", h.count());
    if (h.note() != null) o.put("note", h.note());
    if (h.source() != null) o.put("source", h.source());
    return write(o);
  }

  /**
   * Whether {@code line} is a hubshare header: a JSON object whose {@code format} is {@value SnapshotHeader#FORMAT}.
   * Reads up to that field only; anything that is not such an object is not a header.
   */
  static boolean isHeader(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("format".equals(name)) return value == JsonToken.VALUE_STRING && SnapshotHeader.FORMAT.equals(p.getText());
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads line 1 of {@code file}. */
  static SnapshotHeader parseHeader(String line, Path file) throws SnapshotFormatException {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(file, 1, "not a hubshare snapshot: the first line is not JSON ("
          + describe(e) + ")");
    }
    if (o == null || !o.isObject() || !SnapshotHeader.FORMAT.equals(o.path("format").asText(null))) {
      throw new SnapshotFormatException(file, 1, "not a hubshare snapshot: the first line has no "
          + "\"format\":\"" + SnapshotHeader.FORMAT + "\"");
    }
    JsonNode version = o.get("formatVersion");
    if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
      throw new SnapshotFormatException(file, 1, "the header has no valid formatVersion");
    }
    if (version.asInt() > SnapshotHeader.CURRENT_FORMAT_VERSION) {
      throw new SnapshotFormatException(file, 1, "format version " + version.asInt() + " is newer than this "
          + "hubshare reads (" + SnapshotHeader.CURRENT_FORMAT_VERSION + "): upgrade hubshare");
    }
    try {
      JsonNode count = o.get("count");
      if (count == null || !count.canConvertToLong()) throw new IllegalArgumentException("no count");
      JsonNode limit = o.get("limit");
      return new SnapshotHeader(version.asInt(), required(o, "hub"), required(o, "endpoint"), required(o, "query"),
          Instant.parse(required(o, "startedAt")), instant(o, "completedAt"), count.asLong(),
          limit == null || limit.isNull() ? null : limit.asLong(), text(o, "note"), text(o, "source"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new SnapshotFormatException(file, 1, "invalid header: " + e.getMessage());
    }
  }

  /**
   * The {@code id} of a model line, checking that the line is exactly one JSON object.
   *
   * @throws IllegalArgumentException saying what is wrong, without parser internals
   */
  static String idOf(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
      String id = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (id == null && value == JsonToken.VALUE_STRING && "id".equals(name)) {
          id = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) throw new IllegalArgumentException("text follows the JSON object");
      if (id == null || id.isEmpty()) throw new IllegalArgumentException("the object has no \"id\" string");
      return id;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + describe(e) + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String source does no I/O
    }
  }

  /**
   * A model's raw JSON as one line: verbatim when it is one already (the hub sends compact JSON), else re-written
   * compactly, which keeps every field but not the whitespace.
   *
   * @throws IllegalArgumentException if it is blank or, holding a line break, not JSON
   */
  static String oneLine(String rawJson) {
    if (rawJson.isBlank()) throw new IllegalArgumentException("a model without its raw JSON cannot be stored");
    if (rawJson.indexOf('\n') < 0 && rawJson.indexOf('\r') < 0) return rawJson;
    try {
      return write(MAPPER.readTree(rawJson));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a model's raw JSON is not JSON (" + describe(e) + ")");
    }
  }

  /** One line of compact JSON. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /** Jackson's message without its source dump, with the column where it stopped. */
  static String describe(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) m = e.getClass().getSimpleName();
    int nl = m.indexOf('\n');
    if (nl >= 0) m = m.substring(0, nl);
    if (m.length() > 200) m = m.substring(0, 200) + "…";
    JsonLocation at = e.getLocation();
    return at == null || at.getColumnNr() < 0 ? m : m + " at column " + at.getColumnNr();
  }

  /**
   * A field holding a whole number of zero or more.
   *
   * @throws IllegalArgumentException if it is missing or not such a number
   */
  static long count(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
      throw new IllegalArgumentException("no valid \"" + field + "\"");
    }
    return v.asLong();
  }

  static String required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) throw new IllegalArgumentException("no \"" + field + "\" string");
    return v.asText();
  }

  static @Nullable String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static @Nullable Instant instant(JsonNode o, String field) {
    String v = text(o, field);
    return v == null ? null : Instant.parse(v);
  }
}
