package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.domain.Model;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Hub's model objects ({@code GET /api/models/{id}} bodies and {@code GET /api/models} pages) into
 * {@link Model}s.
 *
 * <p>Field mapping: {@code id} (else {@code modelId}); {@code author} (else the owner part of the id, {@code null}
 * for a bare legacy id such as {@code gpt2}); {@code sha}; {@code createdAt}, {@code lastModified} (ISO instants);
 * {@code pipeline_tag}; {@code library_name}; {@code tags}; {@code gated} ({@code false}, "auto", "manual");
 * {@code private}; {@code disabled}; licence from {@code cardData.license} (a string or a list: its first entry),
 * else the first {@code license:} tag; parameters from {@code safetensors.total}, else {@code gguf.total};
 * {@code downloads} (30 days), {@code downloadsAllTime}, {@code likes}, {@code trendingScore}.
 *
 * <p>Base models come from the tags {@code base_model:<relation>:<id>}, from {@code baseModels} (the info call's
 * {@code expand=baseModels}) and from the tags {@code base_model:<id>}, merged without duplicates in that order; from
 * {@code cardData.base_model} only when the response carries none of those, because the Hub computes the tags
 * from the card after resolving renames, so where they disagree the tags are right. Invalid ids (URLs, local
 * paths), placeholders ({@code none}) and self-references are dropped. A base named without a relation takes the
 * relation the Hub gave the model's other bases, else {@code cardData.base_model_relation}, else an inferred one:
 * {@code peft}/LoRA → adapter; several bases → merge; GGUF, GPTQ, AWQ, EXL2, MLX n-bit and other quantized
 * formats → quantized; else finetune. The package's {@code BaseModelLinks} and {@code RelationInference} hold
 * the details and the evidence from the 2026-08 sample.
 *
 * <p>A field the body lacks stays {@code null} (or empty), never 0 or false. A field of the wrong type (a string
 * where a number belongs) is read as absent; unknown fields are ignored and survive in {@link Model#rawJson()}.
 * Only a missing or unusable id fails the model.
 *
 * <p>Thread-safe and stateless.
 */
public final class HfModels {
  private HfModels() {}

  /**
   * Reads one model object: an info call's body, or one item of a list.
   *
   * <pre>{@code
   * Model m = HfModels.parse(body);   // m.rawJson() is body itself
   * }</pre>
   *
   * @param json the object's text; becomes {@link Model#rawJson()} as given
   * @return the model
   * @throws WireFormatException if the text is not one JSON object or the model has no usable id
   */
  public static Model parse(@Nullable String json) {
    String body = HfJson.requireBody(json, "a JSON model object");
    try (JsonParser p = HfJson.parser(body)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new WireFormatException("expected a JSON model object, got " + HfJson.describe(t));
      }
      Model m = ModelReader.readFields(p).build(body, -1, 0);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new WireFormatException("unexpected content (" + HfJson.describe(after)
            + ") after the model object at offset " + HfJson.tokenOffset(p));
      }
      return m;
    } catch (IOException e) {
      throw HfJson.translate(e);
    }
  }

  /**
   * Reads a list page: a JSON array of model objects. Each model's {@link Model#rawJson()} is the exact text of
   * its element as the hub sent it (sliced from {@code json}, never re-serialised), so a snapshot stores the bytes
   * the hub sent.
   *
   * @param json the page's body
   * @return the models, in the page's order
   * @throws WireFormatException if the page is not an array of model objects, is truncated, or an item has no
   *     usable id (the message names the item and its offset)
   */
  public static List<Model> parseList(@Nullable String json) {
    String body = HfJson.requireBody(json, "a JSON array of models");
    try (JsonParser p = HfJson.parser(body)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        throw new WireFormatException("expected a JSON array of models, got " + HfJson.describe(t));
      }
      List<Model> models = new ArrayList<>();
      for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) throw new WireFormatException("truncated JSON at offset " + body.length());
        int start = (int) HfJson.tokenOffset(p);
        if (t != JsonToken.START_OBJECT) {
          throw new WireFormatException(ModelReader.where(models.size(), start) + ": expected a model object, got "
              + HfJson.describe(t));
        }
        ModelReader item = ModelReader.readFields(p);
        int end = (int) HfJson.tokenOffset(p) + 1;
        models.add(item.build(body.substring(start, end), models.size(), start));
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new WireFormatException("unexpected content (" + HfJson.describe(after)
            + ") after the array of models at offset " + HfJson.tokenOffset(p));
      }
      return models;
    } catch (IOException e) {
      throw HfJson.translate(e);
    }
  }
}
