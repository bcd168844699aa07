package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.internal.protocol.RepoIdHash;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model object's fields, read with Jackson as {@link ModelReader} reads them: the id ({@code id}, else
 * {@code modelId}, trimmed; a missing, empty or non-string id fails), the author (else the owner part of the id), a
 * counter as {@link JsonValues#wholeNumber}, the creation time as {@link JsonValues#instant}, and base models resolved
 * by {@link BaseModelLinks} from the same inputs, with the same ids in the same order. Tags, {@code cardData} and
 * {@code baseModels} are read only when base models are asked for, and then only the tags that name base models: a
 * link's relation, when the hub gave none, may be inferred otherwise than in a full model (no share computation this
 * reader serves reads relations).
 *
 * <p>{@link StoredFieldScanner} reads most lines of a snapshot without a parser and hands this reader the lines it
 * does not take on itself (escapes, non-ASCII text, fractions, expanded base models, a malformed line): what this
 * reader reads is the reference the scanner must equal.
 */
final class StoredFieldReader {
  private StoredFieldReader() {}

  /**
   * Reads the object {@code p} stands on (its {@code START_OBJECT}) into {@code f}, leaving {@code p} on its
   * {@code END_OBJECT}.
   */
  static void read(JsonParser p, StoredFields.Request request, StoredFields f) throws IOException {
    String id = null;
    boolean idPresent = false;
    String modelId = null;
    String author = null;
    Long downloads = null;
    Long downloadsAllTime = null;
    Long likes = null;
    f.createdAt = null;
    f.pipelineTag = null;
    f.libraryName = null;
    List<String> tags = List.of();
    List<String> cardBases = List.of();
    String cardRelation = null;
    ModelReader expanded = null;
    boolean bases = request.bases;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id":
          if (t == JsonToken.VALUE_NULL) break;
          idPresent = true;
          if (t != JsonToken.VALUE_STRING) throw new WireFormatException("field 'id' must be a string");
          id = p.getText().trim();
          break;
        case "modelId": modelId = JsonValues.nonBlankString(p); break;
        case "author": author = JsonValues.nonBlankString(p); break;
        case "createdAt":
          if (request.createdAt) {
            f.createdAt = JsonValues.instant(p);
          } else {
            p.skipChildren();
          }
          break;
        case "pipeline_tag":
          if (request.pipelineTag) {
            f.pipelineTag = JsonValues.nonBlankString(p);
          } else {
            p.skipChildren();
          }
          break;
        case "library_name":
          if (request.libraryName || bases) {
            f.libraryName = JsonValues.nonBlankString(p);
          } else {
            p.skipChildren();
          }
          break;
        case "tags":
          if (bases) {
            tags = baseModelTags(p);
          } else {
            p.skipChildren();
          }
          break;
        case "cardData":
          if (bases && JsonValues.enterObject(p)) {
            for (String c = p.nextFieldName(); c != null; c = p.nextFieldName()) {
              p.nextToken();
              switch (c) {
                case "base_model": cardBases = JsonValues.strings(p); break;
                case "base_model_relation": cardRelation = JsonValues.nonBlankString(p); break;
                default: p.skipChildren();
              }
            }
          } else if (!bases) {
            p.skipChildren();
          }
          break;
        case "baseModels":
          if (bases) {
            if (expanded == null) expanded = ModelReader.empty();
            expanded.readExpandedBases(p);
          } else {
            p.skipChildren();
          }
          break;
        case "downloads":
          if (request.downloads) {
            downloads = JsonValues.wholeNumber(p);
          } else {
            p.skipChildren();
          }
          break;
        case "downloadsAllTime":
          if (request.downloadsAllTime) {
            downloadsAllTime = JsonValues.wholeNumber(p);
          } else {
            p.skipChildren();
          }
          break;
        case "likes":
          if (request.likes) {
            likes = JsonValues.wholeNumber(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) throw new WireFormatException("malformed model object");
    f.accountRef = -1;
    if (idPresent && (id == null || id.isEmpty())) throw new WireFormatException("field 'id' is empty");
    String theId = id != null ? id : modelId;
    if (theId == null) throw new WireFormatException("model without id");
    f.id(theId);
    int slash = theId.indexOf('/');
    f.account = author != null ? author : slash < 0 ? null : theId.substring(0, slash);
    f.idHash = RepoIdHash.quick(theId);
    f.downloads = downloads;
    f.downloadsAllTime = downloadsAllTime;
    f.likes = likes;
    f.bases = !bases ? List.of() : expanded == null
        ? BaseModelLinks.resolve(f.id(), tags, null, null, cardBases, cardRelation, f.libraryName)
        : BaseModelLinks.resolve(f.id(), tags, expanded.expandedRelation(), expanded.expandedIds(), cardBases,
            cardRelation, f.libraryName);
    if (!request.libraryName) f.libraryName = null;
  }

  private static final char[] BASE_MODEL = "base_model:".toCharArray();

  /**
   * The tags that name base models ({@code base_model:…}), read as {@link JsonValues#strings} reads tags; the
   * others are left as characters in the parser's buffer, never made into strings. They only feed the inference of a
   * relation, which no share computation reads: links keep the ids of the full reader, and their relation may be
   * inferred from less.
   */
  private static List<String> baseModelTags(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return startsWithBaseModel(p) ? List.of(p.getText()) : List.of();
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<String> out = List.of();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
      if (e == JsonToken.VALUE_STRING) {
        if (startsWithBaseModel(p)) {
          if (out.isEmpty()) out = new java.util.ArrayList<>(4);
          out.add(p.getText());
        }
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  private static boolean startsWithBaseModel(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    if (p.getTextLength() < BASE_MODEL.length) return false;
    for (int i = 0; i < BASE_MODEL.length; i++) {
      if (c[off + i] != BASE_MODEL[i]) return false;
    }
    return true;
  }

}
