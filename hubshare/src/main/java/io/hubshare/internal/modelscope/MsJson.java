package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.internal.protocol.WireFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses ModelScope bodies: a tree for reading fields, and the exact text of each model object for
 * {@code rawJson}, so that a snapshot stores what the hub sent, byte for byte.
 */
final class MsJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      // Messages carry our own wording; never echo the body into an exception.
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /** Where the SDKs look for the envelope's payload. */
  static final Set<String> DATA_KEYS = Set.of("data", "Data");

  /** Where modelscope_hub's {@code _extract_paged} looks for a page's items, in its order. */
  static final List<String> ITEM_KEYS = List.of("models", "Models", "items", "list", "results", "data");

  private MsJson() {}

  /** The body as a tree. */
  static JsonNode tree(@Nullable String body, String expected) {
    if (body == null || body.isBlank()) throw new WireFormatException("expected " + expected + ", got an empty body");
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) throw new WireFormatException("expected " + expected + ", got nothing");
      return n;
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw new WireFormatException("malformed JSON" + (at < 0 ? "" : " at offset " + at) + " where " + expected
          + " was expected", e);
    }
  }

  /**
   * The exact text of the envelope's payload object ({@code data} or {@code Data}), or with {@code items} of each
   * element of the payload's first array among {@link #ITEM_KEYS}.
   *
   * @return the exact substrings of {@code body}, in order; empty when the path is absent
   */
  static List<String> slices(String body, boolean items) {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return List.of();
      if (!enterField(p, DATA_KEYS)) return List.of();
      if (!items) {
        return p.currentToken() == JsonToken.START_OBJECT ? List.of(object(body, p)) : List.of();
      }
      if (p.currentToken() != JsonToken.START_OBJECT) return List.of();
      // The first array among the item keys, in the order the SDK tries them.
      List<String> found = null;
      int rank = Integer.MAX_VALUE;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        int r = ITEM_KEYS.indexOf(p.currentName());
        JsonToken v = p.nextToken();
        if (r >= 0 && r < rank && v == JsonToken.START_ARRAY) {
          List<String> list = new ArrayList<>();
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e == null) throw new WireFormatException("truncated JSON at offset " + body.length());
            if (e == JsonToken.START_OBJECT) {
              list.add(object(body, p));
            } else {
              throw new WireFormatException("item " + list.size() + " of '" + ITEM_KEYS.get(r)
                  + "' is not a model object");
            }
          }
          found = list;
          rank = r;
        } else {
          p.skipChildren();
        }
      }
      return found == null ? List.of() : found;
    } catch (JsonProcessingException e) {
      throw new WireFormatException("malformed JSON in the model list", e);
    } catch (IOException e) {
      throw new WireFormatException("cannot read JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Moves to the value of the first top-level field named one of {@code names}. */
  private static boolean enterField(JsonParser p, Set<String> names) throws IOException {
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      boolean match = names.contains(p.currentName());
      p.nextToken();
      if (match) return true;
      p.skipChildren();
    }
    return false;
  }

  /** The text of the object whose START_OBJECT is the current token; leaves the parser on its END_OBJECT. */
  private static String object(String body, JsonParser p) throws IOException {
    int start = (int) p.currentTokenLocation().getCharOffset();
    p.skipChildren();
    int end = (int) p.currentTokenLocation().getCharOffset() + 1;
    return body.substring(start, end);
  }

  /** The first of {@code names} present and not null in {@code node}, or {@code null}. */
  static @Nullable JsonNode first(@Nullable JsonNode node, String... names) {
    if (node == null || !node.isObject()) return null;
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull()) return v;
    }
    return null;
  }

  /** A non-blank string value, or {@code null}. */
  static @Nullable String text(@Nullable JsonNode v) {
    if (v == null || !v.isValueNode() || v.isNull()) return null;
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  /** A whole number (also written as a numeric string), or {@code null}; negative counts are absent. */
  static @Nullable Long count(@Nullable JsonNode v) {
    if (v == null) return null;
    if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong() < 0 ? null : v.asLong();
    if (v.isTextual() && v.asText().trim().matches("\\d{1,18}")) return Long.parseLong(v.asText().trim());
    return null;
  }

  /** A boolean ({@code true}/{@code false}, also as strings or 0/1), or {@code null}. */
  static @Nullable Boolean bool(@Nullable JsonNode v) {
    if (v == null) return null;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) return v.asLong() == 1;
    if (v.isTextual()) {
      String s = v.asText().trim();
      if (s.equalsIgnoreCase("true")) return true;
      if (s.equalsIgnoreCase("false")) return false;
    }
    return null;
  }

  /** The strings of an array (or the {@code Name} of each object in it, as for legacy tags and tasks). */
  static List<String> names(@Nullable JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || !v.isArray()) return out;
    for (JsonNode e : v) {
      String s = e.isObject() ? text(first(e, "Name", "name")) : text(e);
      if (s != null && !out.contains(s)) out.add(s);
    }
    return out;
  }
}
