package io.hubshare.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The models a stand-in hub lists: read from a hubshare snapshot or a JSON Lines file of the Hub's list objects
 * (gzip or plain), optionally repeated with suffixed ids to make a larger listing, each given an {@code _id} as the
 * Hub's are (24 hex digits: the creation time's seconds, then a serial number, so that the default order, newest
 * {@code _id} first, is roughly newest model first).
 *
 * <p>The Hub resolves ids ignoring case, so it never lists two repositories whose ids differ only in case; a file
 * that holds such pairs (a repository read before and after a rename) keeps the first line of each here, and
 * {@link #dropped()} says how many were left out.
 */
final class Listing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ObjectNode> bases;
  private final int[] baseOf;
  private final String[] ids;
  private final String[] lowerIds;
  private final String[] objectIds;
  private final Map<String, Integer> byLowerId;
  private final int dropped;
  private final Map<String, byte[][]> rendered = new ConcurrentHashMap<>();

  private Listing(List<ObjectNode> bases, int repeat, int dropped) {
    this.bases = List.copyOf(bases);
    this.dropped = dropped;
    int n = Math.multiplyExact(bases.size(), repeat);
    baseOf = new int[n];
    ids = new String[n];
    lowerIds = new String[n];
    objectIds = new String[n];
    byLowerId = new HashMap<>(n * 2);
    for (int copy = 0, e = 0; copy < repeat; copy++) {
      for (int b = 0; b < bases.size(); b++, e++) {
        ObjectNode m = bases.get(b);
        String id = copy == 0 ? m.get("id").asText() : m.get("id").asText() + "-r" + copy;
        baseOf[e] = b;
        ids[e] = id;
        lowerIds[e] = id.toLowerCase(Locale.ROOT);
        objectIds[e] = String.format("%08x%016x", createdSeconds(m), e);
        if (byLowerId.put(lowerIds[e], e) != null) {
          throw new IllegalArgumentException("a repeated id collides with a listed one: " + id);
        }
      }
    }
  }

  /**
   * Reads {@code file}: a hubshare snapshot (its first line, a header without {@code id}, is skipped) or plain JSON
   * Lines, gzip-compressed or not; each model line must be an object with an {@code id} string.
   *
   * @param repeat how many copies of the listing to serve (1 = the file as it is); copy k > 0 suffixes ids with
   *     {@code -rk}
   */
  static Listing load(Path file, int repeat) throws IOException {
    if (repeat < 1) throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
    List<ObjectNode> models = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = 0;
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(gunzipIfNeeded(raw), StandardCharsets.UTF_8))) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) continue;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + " line " + lineNo + ": not JSON", e);
        }
        if (lineNo == 1 && node.has("format") && !node.has("id")) continue; // a snapshot header
        if (!(node instanceof ObjectNode o) || !node.path("id").isTextual()) {
          throw new IOException(file + " line " + lineNo + ": not a model object with an id");
        }
        if (seen.add(o.get("id").asText().toLowerCase(Locale.ROOT))) {
          o.remove("_id"); // given anew, so that copies differ
          models.add(o);
        } else {
          dropped++;
        }
      }
    }
    if (models.isEmpty()) throw new IOException(file + " holds no models");
    return new Listing(models, repeat, dropped);
  }

  private static InputStream gunzipIfNeeded(InputStream raw) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static long createdSeconds(ObjectNode m) {
    try {
      return Instant.parse(m.path("createdAt").asText()).getEpochSecond();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Models served. */
  int size() {
    return ids.length;
  }

  /** Lines of the file left out because their id differed only in case from an earlier one. */
  int dropped() {
    return dropped;
  }

  String id(int e) {
    return ids[e];
  }

  String lowerId(int e) {
    return lowerIds[e];
  }

  /** The Hub's {@code _id}: 24 hex digits, unique. */
  String objectId(int e) {
    return objectIds[e];
  }

  /** The model's fields as read (shared by its copies: never modify). */
  JsonNode fields(int e) {
    return bases.get(baseOf[e]);
  }

  /** The entry whose id equals {@code id} ignoring case, or -1. */
  int find(String id) {
    return byLowerId.getOrDefault(id.toLowerCase(Locale.ROOT), -1);
  }

  /** Writes every id, one a line, in file order. */
  void writeIds(Writer w) throws IOException {
    for (String id : ids) {
      w.write(id);
      w.write('\n');
    }
  }

  /**
   * The model as the Hub sends it: {@code _id} and {@code id} first, then the fields {@code fields} selects, in the
   * file's order. Rendered once per field selection and kept, so the server's cost stays out of the clients' times.
   */
  byte[] render(int e, Fields fields) {
    byte[][] cache = rendered.computeIfAbsent(fields.key(), k -> new byte[ids.length][]);
    byte[] b = cache[e];
    if (b == null) {
      b = renderNow(e, fields);
      cache[e] = b; // a benign race: two threads render the same bytes
    }
    return b;
  }

  private byte[] renderNow(int e, Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("_id", objectIds[e]);
      g.writeStringField("id", ids[e]);
      var it = fields(e).properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        String name = f.getKey();
        if (name.equals("id") || !fields.includes(name)) continue;
        if (name.equals("modelId")) {
          g.writeStringField("modelId", ids[e]);
        } else {
          g.writeFieldName(name);
          JSON.writeTree(g, f.getValue());
        }
      }
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x); // memory only
    }
    return out.toByteArray();
  }
}
