package io.hubshare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The stand-in's cursors, shaped like the Hub's: base64 of the keyset state of a query on the model collection,
 * {@code {"_id":{"$lt":"6a0e…"}}} in the default order, and
 * {@code {"$or":[{"downloads":{"$lt":41}},{"downloads":41,"_id":{"$lt":"6a0e…"}}]}} when sorted. Clients must treat
 * them as opaque; the stand-in reads them back to find where the next page starts.
 */
final class Cursors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cursors() {}

  /** The cursor of the page that starts after {@code p}: URL-safe base64 without padding. */
  static String encode(Ordering.Point p) {
    ObjectNode lt = JSON.createObjectNode().put("$lt", p.objectId());
    ObjectNode state = JSON.createObjectNode();
    if (p.sort() == null) {
      state.set("_id", lt);
    } else {
      ObjectNode before = JSON.createObjectNode();
      ObjectNode tie = JSON.createObjectNode();
      ObjectNode less = JSON.createObjectNode();
      if (p.value() == null) {
        less.putNull("$lt");
        tie.putNull(p.sort());
      } else if (p.value() instanceof Double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          less.put("$lt", d.longValue());
          tie.put(p.sort(), d.longValue());
        } else {
          less.put("$lt", d);
          tie.put(p.sort(), d);
        }
      } else {
        less.put("$lt", p.value().toString());
        tie.put(p.sort(), p.value().toString());
      }
      before.set(p.sort(), less);
      tie.set("_id", lt);
      ArrayNode or = state.putArray("$or");
      or.add(before);
      or.add(tie);
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(state.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor back.
   *
   * @param sort the sort key of the request carrying it, or null for the default order
   * @throws IllegalArgumentException if it is not one of ours, or belongs to another order
   */
  static Ordering.Point decode(String cursor, String sort) {
    JsonNode state;
    try {
      state = JSON.readTree(Base64.getUrlDecoder().decode(cursor.replace('+', '-').replace('/', '_')));
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("Invalid cursor");
    }
    if (state == null || !state.isObject()) throw new IllegalArgumentException("Invalid cursor");
    if (state.has("$or")) {
      JsonNode tie = state.path("$or").path(1);
      String id = tie.path("_id").path("$lt").asText(null);
      if (sort == null || id == null || !tie.has(sort)) throw new IllegalArgumentException("Invalid cursor");
      JsonNode v = tie.get(sort);
      Object value = v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText();
      return new Ordering.Point(sort, value, id);
    }
    String id = state.path("_id").path("$lt").asText(null);
    if (sort != null || id == null) throw new IllegalArgumentException("Invalid cursor");
    return new Ordering.Point(null, null, Objects.requireNonNull(id));
  }
}
