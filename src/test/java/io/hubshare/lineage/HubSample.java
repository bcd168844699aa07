package io.hubshare.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.ModelIds;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The 15,156 real models of the 2026-08 Hub sample (list wire format; CC BY 4.0, see the NOTICE beside it), and
 * recorded info bodies, read with a small test-only reader: id, author, tags, the base-model links the tags name
 * (following the rules of the Hub's reader, {@code io.hubshare.hf.HfModels}) and the downloads. To be replaced by
 * {@code HfModels} once it is available on this branch.
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
      for (JsonNode t : n.path("tags")) tags.add(t.asText());
      return new Model(id, text(n, "author"), text(n, "sha"), instant(n, "createdAt"),
          instant(n, "lastModified"), text(n, "pipeline_tag"), text(n, "library_name"), tags,
          Gating.fromWire(n.has("gated") ? n.get("gated").asText() : null),
          n.has("private") ? n.get("private").asBoolean() : null, null, null, null,
          new DownloadMetrics(number(n, "downloads"), number(n, "downloadsAllTime"), number(n, "likes"), null),
          links(id, tags), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The links as the Hub's reader makes them: tags {@code base_model:<relation>:<id>}, then tags
   * {@code base_model:<id>} not already named (taking the relation of the others), one per id ignoring case;
   * invalid ids (local paths such as {@code /cache/models/x}), placeholders and self-references dropped.
   */
  private static List<BaseModel> links(String modelId, List<String> tags) {
    Map<String, BaseModel> byLowerId = new LinkedHashMap<>();
    Relation stated = null;
    for (String[] tag : baseModelTags(tags)) {
      if (tag[0] == null) continue;
      Relation r = Relation.fromWire(tag[0]);
      if (stated == null) stated = r;
      if (linkable(modelId, tag[1])) byLowerId.putIfAbsent(lower(tag[1]), new BaseModel(tag[1], r));
    }
    for (String[] tag : baseModelTags(tags)) {
      if (tag[0] != null || !linkable(modelId, tag[1]) || byLowerId.containsKey(lower(tag[1]))) continue;
      if (stated == null) throw new AssertionError(modelId + ": the test reader infers no relation");
      byLowerId.put(lower(tag[1]), new BaseModel(tag[1], stated));
    }
    return List.copyOf(byLowerId.values());
  }

  /**
   * The links exactly as the model's tags state them, self-references and all: what a source other than the
   * Hub's reader (a hand-built model, an older snapshot) may hand the lineage code.
   */
  static List<BaseModel> taggedLinks(String id) {
    List<BaseModel> out = new ArrayList<>();
    for (String[] tag : baseModelTags(get(id).tags())) {
      if (tag[0] != null) out.add(new BaseModel(tag[1], Relation.fromWire(tag[0])));
    }
    return out;
  }

  /** Each {@code base_model:} tag as {relation or null, id}. */
  private static List<String[]> baseModelTags(List<String> tags) {
    List<String[]> out = new ArrayList<>();
    for (String tag : tags) {
      if (!tag.startsWith("base_model:")) continue;
      String rest = tag.substring("base_model:".length());
      int colon = rest.indexOf(':');
      Relation r = colon < 0 ? null : Relation.fromWire(rest.substring(0, colon));
      if (r != null && r != Relation.ORIGINAL) {
        out.add(new String[] {rest.substring(0, colon), rest.substring(colon + 1)});
      } else {
        out.add(new String[] {null, rest});
      }
    }
    return out;
  }

  private static boolean linkable(String modelId, String id) {
    return ModelIds.isValid(id) && !id.equalsIgnoreCase(modelId)
        && (id.contains("/") || !Set.of("none", "null", "nil", "undefined", "unknown", "nan", "tbd", "todo")
            .contains(lower(id)));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
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
