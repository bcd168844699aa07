package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one model object from a parser standing on its {@code START_OBJECT}, leaving it on the matching
 * {@code END_OBJECT}. One instance per object: the fields are its state.
 */
final class ModelReader {
  private @Nullable String id;
  private boolean idPresent;
  private @Nullable JsonToken idWrongType;
  private @Nullable String modelId;
  private @Nullable String author;
  private @Nullable String sha;
  private @Nullable Instant createdAt;
  private @Nullable Instant lastModified;
  private @Nullable String pipelineTag;
  private @Nullable String libraryName;
  private List<String> tags = List.of();
  private @Nullable Gating gating;
  private @Nullable Boolean isPrivate;
  private @Nullable Boolean disabled;
  private @Nullable Long downloads;
  private @Nullable Long downloadsAllTime;
  private @Nullable Long likes;
  private @Nullable Double trendingScore;
  private @Nullable Long safetensorsTotal;
  private @Nullable Long ggufTotal;
  private List<String> cardLicense = List.of();
  private List<String> cardBases = List.of();
  private @Nullable String cardRelation;
  private @Nullable String expandedRelation;
  private @Nullable List<String> expandedIds;

  private ModelReader() {}

  /** A reader with no field read yet, for {@link #readExpandedBases} alone. */
  static ModelReader empty() {
    return new ModelReader();
  }

  @Nullable String expandedRelation() {
    return expandedRelation;
  }

  @Nullable List<String> expandedIds() {
    return expandedIds;
  }

  /**
   * Reads the object's fields, leaving the parser on its {@code END_OBJECT}, where the caller learns the object's
   * extent and so its raw text.
   *
   * @param p a parser on the object's {@code START_OBJECT}
   */
  static ModelReader readFields(JsonParser p) throws IOException {
    ModelReader r = new ModelReader();
    r.readAll(p);
    return r;
  }

  private void readAll(JsonParser p) throws IOException {
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      switch (name) {
        case "id": readId(p); break;
        case "modelId": modelId = JsonValues.nonBlankString(p); break;
        case "author": author = JsonValues.nonBlankString(p); break;
        case "sha": sha = JsonValues.nonBlankString(p); break;
        case "createdAt": createdAt = JsonValues.instant(p); break;
        case "lastModified": lastModified = JsonValues.instant(p); break;
        case "pipeline_tag": pipelineTag = JsonValues.nonBlankString(p); break;
        case "library_name": libraryName = JsonValues.nonBlankString(p); break;
        case "tags": tags = JsonValues.strings(p); break;
        case "gated": gating = readGating(p); break;
        case "private": isPrivate = JsonValues.bool(p); break;
        case "disabled": disabled = JsonValues.bool(p); break;
        case "downloads": downloads = JsonValues.wholeNumber(p); break;
        case "downloadsAllTime": downloadsAllTime = JsonValues.wholeNumber(p); break;
        case "likes": likes = JsonValues.wholeNumber(p); break;
        case "trendingScore": trendingScore = JsonValues.decimal(p); break;
        case "safetensors": safetensorsTotal = readTotal(p); break;
        case "gguf": ggufTotal = readTotal(p); break;
        case "cardData": readCard(p); break;
        case "baseModels": readExpandedBases(p); break;
        default: p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new WireFormatException("malformed JSON at offset " + HfJson.tokenOffset(p) + ": expected a field name");
    }
  }

  private void readId(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) return;
    idPresent = true;
    if (t == JsonToken.VALUE_STRING) {
      id = p.getText().trim();
    } else {
      idWrongType = t;
      p.skipChildren();
    }
  }

  private static @Nullable Gating readGating(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_FALSE) return Gating.OPEN;
    if (t == JsonToken.VALUE_TRUE) return Gating.MANUAL;
    if (t == JsonToken.VALUE_STRING) return gating(p.getText());
    p.skipChildren();
    return null;
  }

  /** {@code total} of {@code safetensors} or {@code gguf}. */
  private static @Nullable Long readTotal(JsonParser p) throws IOException {
    if (!JsonValues.enterObject(p)) return null;
    Long total = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      if (name.equals("total")) {
        total = JsonValues.wholeNumber(p);
      } else {
        p.skipChildren();
      }
    }
    return total;
  }

  private void readCard(JsonParser p) throws IOException {
    if (!JsonValues.enterObject(p)) return;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      switch (name) {
        case "license": cardLicense = JsonValues.strings(p); break;
        case "base_model": cardBases = JsonValues.strings(p); break;
        case "base_model_relation": cardRelation = JsonValues.nonBlankString(p); break;
        default: p.skipChildren();
      }
    }
  }

  /**
   * {@code baseModels}: documented as {@code {"relation": "...", "models": [{"id": "..."}]}}. A bare array of
   * {@code {"id"}} objects is read too, without a relation.
   */
  void readExpandedBases(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      expandedIds = readIdObjects(p);
      return;
    }
    if (!JsonValues.enterObject(p)) return;
    List<String> ids = List.of();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      if (name.equals("relation")) {
        expandedRelation = JsonValues.nonBlankString(p);
      } else if (name.equals("models") && p.currentToken() == JsonToken.START_ARRAY) {
        ids = readIdObjects(p);
      } else {
        p.skipChildren();
      }
    }
    expandedIds = ids;
  }

  private static List<String> readIdObjects(JsonParser p) throws IOException {
    List<String> ids = new ArrayList<>(2);
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
      if (e == JsonToken.VALUE_STRING) {
        ids.add(p.getText().trim());
        continue;
      }
      if (!JsonValues.enterObject(p)) continue;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        String s = name.equals("id") ? JsonValues.nonBlankString(p) : null;
        if (s != null) {
          ids.add(s);
        } else {
          p.skipChildren();
        }
      }
    }
    return ids;
  }

  /**
   * The model, once its raw text is known.
   *
   * @param rawJson the object's text, kept in the model
   * @param item the object's index in a list page, or -1 for a lone body (messages name the item)
   * @param offset where the object starts in the page
   * @throws WireFormatException if the model has no usable id
   */
  Model build(String rawJson, int item, int offset) {
    String prefix = item < 0 ? "" : where(item, offset) + ": ";
    if (idWrongType != null) {
      throw new WireFormatException(prefix + "field 'id' must be a string, got " + HfJson.describe(idWrongType));
    }
    if (idPresent && (id == null || id.isEmpty())) {
      throw new WireFormatException(prefix + "field 'id' is empty");
    }
    String theId = id != null ? id : modelId;
    if (theId == null) throw new WireFormatException(prefix + "model without id (neither 'id' nor 'modelId')");

    String owner = theId.indexOf('/') < 0 ? null : theId.substring(0, theId.indexOf('/'));
    List<BaseModel> bases = BaseModelLinks.resolve(theId, tags, expandedRelation, expandedIds, cardBases,
        cardRelation, libraryName);
    DownloadMetrics metrics = downloads == null && downloadsAllTime == null && likes == null && trendingScore == null
        ? DownloadMetrics.NONE
        : new DownloadMetrics(downloads, downloadsAllTime, likes, trendingScore);
    return new Model(Hub.HUGGING_FACE, theId, author != null ? author : owner, sha, createdAt, lastModified, pipelineTag, libraryName,
        tags, gating, isPrivate, disabled, license(), safetensorsTotal != null ? safetensorsTotal : ggufTotal,
        metrics, bases, rawJson);
  }

  /** How a message names a list item: {@code item 3 (offset 1204)}. */
  static String where(int item, int offset) {
    return "item " + item + " (offset " + offset + ")";
  }

  /** {@code cardData.license} (the first of a list), else the first {@code license:} tag. */
  private @Nullable String license() {
    for (String l : cardLicense) {
      String s = l.trim();
      if (!s.isEmpty()) return s;
    }
    for (int i = 0; i < tags.size(); i++) {
      String t = tags.get(i);
      if (t.startsWith("license:") && t.length() > "license:".length()) return t.substring("license:".length());
    }
    return null;
  }

  /**
   * Reads the Hub's {@code gated} value: {@code false}/"false" → OPEN, "auto", "manual"; {@code true} (seen on
   * sources that only say "gated") → MANUAL.
   *
   * @return the gating, or {@code null} when the value is absent or not one the Hub uses
   */
  static @Nullable Gating gating(@Nullable Object value) {
    if (value == null) return null;
    String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
    switch (s) {
      case "false": return Gating.OPEN;
      case "auto": return Gating.AUTO;
      case "manual":
      case "true": return Gating.MANUAL;
      default: return null;
    }
  }
}
