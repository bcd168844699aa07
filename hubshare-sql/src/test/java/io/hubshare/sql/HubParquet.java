package io.hubshare.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Model;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** The generated Parquet files of {@code hub-parquet/} (see its README) and the JSON they were made from. */
final class HubParquet {
  static final ObjectMapper JSON = new ObjectMapper();

  private HubParquet() {}

  /** A test file, by name. */
  static Path file(String name) {
    try {
      return Path.of(HubParquet.class.getResource("/hub-parquet/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The list API's objects the files were made from, by id, in file order. */
  static Map<String, ObjectNode> objects() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file("plain.jsonl.gz"));
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        ObjectNode o = (ObjectNode) JSON.readTree(l);
        out.put(o.get("id").asText(), o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The models the library reads from {@code objects}, written as the list API's JSON Lines without a header (the
   * parser of the API's JSON is the oracle), by id.
   */
  static Map<String, Model> parse(Path dir, List<? extends JsonNode> objects) throws IOException {
    Path f = Files.createTempFile(dir, "expected", ".jsonl");
    Files.write(f, objects.stream().map(JsonNode::toString).toList(), StandardCharsets.UTF_8);
    Map<String, Model> out = new LinkedHashMap<>();
    try (Snapshot s = Snapshots.open(f)) {
      s.forEach(m -> out.put(m.id(), m));
    }
    return out;
  }

  /** {@code o} without its {@code base_model:} tags. */
  static ObjectNode withoutBaseTags(ObjectNode o) {
    ObjectNode c = o.deepCopy();
    ArrayNode tags = JSON.createArrayNode();
    for (JsonNode t : o.path("tags")) {
      if (!t.asText().startsWith("base_model:")) tags.add(t);
    }
    c.set("tags", tags);
    return c;
  }

  /** {@code o} keeping only {@code fields}. */
  static ObjectNode only(ObjectNode o, List<String> fields) {
    ObjectNode c = JSON.createObjectNode();
    for (String f : fields) {
      if (o.has(f)) c.set(f, o.get(f));
    }
    return c;
  }

  /**
   * {@code baseModels} as the generator builds it from the {@code base_model:<relation>:<id>} tags: one relation
   * (the least by name), ids sorted; absent without such tags.
   */
  static ObjectNode withBaseModelsFromTags(ObjectNode o) {
    ObjectNode c = o.deepCopy();
    TreeMap<String, Boolean> ids = new TreeMap<>();
    String relation = null;
    for (JsonNode t : o.path("tags")) {
      String s = t.asText();
      String[] parts = s.split(":", 3);
      if (parts.length == 3 && parts[0].equals("base_model")
          && List.of("finetune", "adapter", "quantized", "merge").contains(parts[1])) {
        ids.put(parts[2], true);
        if (relation == null || parts[1].compareTo(relation) < 0) relation = parts[1];
      }
    }
    if (relation != null) {
      ObjectNode b = c.putObject("baseModels");
      b.put("relation", relation);
      ArrayNode models = b.putArray("models");
      for (String id : ids.keySet()) models.addObject().put("id", id);
    }
    return c;
  }

  /** Every field of a model but its raw JSON, for comparisons. */
  static List<Object> fields(Model m) {
    List<Object> f = new ArrayList<>();
    f.add(m.id());
    f.add(m.author());
    f.add(m.createdAt());
    f.add(m.lastModified());
    f.add(m.pipelineTag());
    f.add(m.libraryName());
    f.add(m.tags());
    f.add(m.gating());
    f.add(m.isPrivate());
    f.add(m.license());
    f.add(m.parameters());
    f.add(m.downloads());
    f.add(m.baseModels());
    return f;
  }
}
