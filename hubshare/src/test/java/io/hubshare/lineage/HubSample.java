package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.internal.hf.HfModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 15,156 real models of the 2026-08 Hub sample (list wire format; CC BY 4.0, see the NOTICE beside it) and
 * recorded info bodies, read with the Hub's reader, {@link HfModels}.
 */
final class HubSample {
  static final String SAMPLE = "/fixtures/hf/hub-sample-2026-08/models.jsonl.gz";
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
          if (!line.isBlank()) out.add(HfModels.parse(line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      models = List.copyOf(out);
    }
    return models;
  }

  /** The sample's model {@code id}; fails the test if the sample lacks it. */
  static Model get(String id) {
    Model m = index().get(id);
    if (m == null) throw new AssertionError("the sample has no model " + id);
    return m;
  }

  /** Whether the sample holds a model {@code id}. */
  static boolean contains(String id) {
    return index().containsKey(id);
  }

  /** A recorded info body from {@code fixtures/hf/model-info}. */
  static Model recordedInfo(String file) {
    try (InputStream in = resource("/fixtures/hf/model-info/" + file)) {
      return HfModels.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The links exactly as the model's {@code base_model:<relation>:<id>} tags state them, self-references and local
   * paths included, which the Hub's reader drops: what another source (a hand-built model, another reader) may
   * hand the lineage code.
   */
  static List<BaseModel> taggedLinks(String id) {
    List<BaseModel> out = new ArrayList<>();
    for (String tag : get(id).tags()) {
      String[] parts = tag.split(":", 3);
      Relation r = parts.length == 3 && parts[0].equals("base_model") ? Relation.parse(parts[1]) : null;
      if (r != null && r != Relation.ORIGINAL) out.add(BaseModel.of(parts[2], r));
    }
    return out;
  }

  private static synchronized Map<String, Model> index() {
    if (byId == null) {
      Map<String, Model> m = new HashMap<>();
      for (Model model : models()) m.put(model.id(), model);
      byId = m;
    }
    return byId;
  }

  private static InputStream resource(String path) {
    InputStream in = HubSample.class.getResourceAsStream(path);
    if (in == null) throw new AssertionError("missing test resource " + path);
    return in;
  }
}
