package io.hubshare.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 15,156 real models of the 2026-08 Hub sample (list wire format; CC BY 4.0, see the NOTICE beside it), and
 * recorded info bodies, read with a small test-only reader: id, author, tags ({@code base_model:<relation>:<id>}
 * in the Hub's order) and the 30-day downloads. To be replaced by {@code io.hubshare.hf.HfModels} once merged.
 */
final class HubSample {
  static final String SAMPLE = "/fixtures/hf/hub-sample-2026-08/models.jsonl.gz";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Model> models;
  private static Map<String, Model> byId;

  private HubSample() {}

  /** Every model of the sample, in file order. */
  static synchronized List<Model> models() {
    if (models == null) {
      List<Model> out = new ArrayList<>();
      try (InputStream in = new GZIPInputStream(resource(SAMPLE));
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) out.add(parse(line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      models = List.copyOf(out);
    }
    return models;
  }

  /** The sample's model {@code id}; fails the test if the sample lacks it. */
  static synchronized Model get(String id) {
    if (byId == null) {
      Map<String, Model> m = new LinkedHashMap<>();
      for (Model model : models()) m.put(model.id(), model);
      byId = m;
    }
    Model m = byId.get(id);
    if (m == null) throw new AssertionError("the sample has no model " + id);
    return m;
  }

  /** Whether the sample holds a model {@code id}. */
  static boolean contains(String id) {
    try {
      get(id);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** A recorded info body from {@code fixtures/hf/model-info}. */
  static Model recordedInfo(String file) {
    try (InputStream in = resource("/fixtures/hf/model-info/" + file)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Model parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      String id = n.get("id").asText();
      List<String> tags = new ArrayList<>();
      List<BaseModel> bases = new ArrayList<>();
      for (JsonNode t : n.path("tags")) {
        String tag = t.asText();
        tags.add(tag);
        String[] parts = tag.split(":", 3);
        Relation relation = parts.length == 3 && parts[0].equals("base_model") ? Relation.fromWire(parts[1]) : null;
        if (relation != null && relation != Relation.ORIGINAL) bases.add(new BaseModel(parts[2], relation));
      }
      return new Model(id, text(n, "author"), text(n, "sha"), instant(n, "createdAt"),
          instant(n, "lastModified"), text(n, "pipeline_tag"), text(n, "library_name"), tags,
          Gating.fromWire(n.has("gated") ? n.get("gated").asText() : null),
          n.has("private") ? n.get("private").asBoolean() : null, null, null, null,
          new DownloadMetrics(number(n, "downloads"), number(n, "downloadsAllTime"), number(n, "likes"), null),
          bases, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = HubSample.class.getResourceAsStream(path);
    if (in == null) throw new AssertionError("missing test resource " + path);
    return in;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? null : v.asLong();
  }

  private static Instant instant(JsonNode n, String field) {
    String s = text(n, field);
    return s == null ? null : Instant.parse(s);
  }
}
