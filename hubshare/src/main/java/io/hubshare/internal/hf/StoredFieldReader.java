package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The fast way through a Hugging Face snapshot: one streaming parser over the inflated bytes of the whole file,
 * reading only the fields a computation asks for and skipping the rest unread. Each field is read as
 * {@link ModelReader} reads it: the id ({@code id}, else {@code modelId}, trimmed; a missing, empty or non-string id
 * fails), the author (else the owner part of the id), a counter as {@link JsonValues#wholeNumber}, the creation time
 * as {@link JsonValues#instant}, and base models resolved by {@link BaseModelLinks} from the same inputs, with the
 * same ids in the same order. Tags, {@code cardData} and {@code baseModels} are read only when base models are
 * asked for, and then only the tags that name base models: a link's relation, when the hub gave none, may be
 * inferred otherwise than in a full model (no share computation this reader serves reads relations).
 *
 * <p>It insists on the file's shape: the header object alone on line 1, then each model object alone on its line.
 * Anything else fails, and the caller reads the file the full way for the exact message.
 */
final class StoredFieldReader implements StoredFields.Reader {
  private final JsonParser p;
  private final StoredFields.Request request;
  private int lastLine;

  StoredFieldReader(InputStream in, StoredFields.Request request) throws IOException {
    this.p = HfJson.FACTORY.createParser(in);
    this.request = request;
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT || p.currentTokenLocation().getLineNr() != 1) {
      throw new WireFormatException("a snapshot starts with its header object on line 1");
    }
    p.skipChildren();
    lastLine = p.currentLocation().getLineNr();
  }

  @Override
  public boolean next(StoredFields into) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) return false;
    int line = p.currentTokenLocation().getLineNr();
    if (t != JsonToken.START_OBJECT || line <= lastLine) {
      throw new WireFormatException("line " + line + " is not one model object alone on its line");
    }
    read(into);
    // The parser stands on the END_OBJECT: its location is just past the brace.
    if (p.currentLocation().getLineNr() != line) {
      throw new WireFormatException("the model object of line " + line + " spans several lines");
    }
    lastLine = line;
    return true;
  }

  private void read(StoredFields f) throws IOException {
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
    if (idPresent && (id == null || id.isEmpty())) throw new WireFormatException("field 'id' is empty");
    String theId = id != null ? id : modelId;
    if (theId == null) throw new WireFormatException("model without id");
    f.id = theId;
    int slash = theId.indexOf('/');
    f.account = author != null ? author : slash < 0 ? null : theId.substring(0, slash);
    f.downloads = downloads;
    f.downloadsAllTime = downloadsAllTime;
    f.likes = likes;
    f.bases = !bases ? List.of() : expanded == null
        ? BaseModelLinks.resolve(theId, tags, null, null, cardBases, cardRelation, f.libraryName)
        : BaseModelLinks.resolve(theId, tags, expanded.expandedRelation(), expanded.expandedIds(), cardBases,
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

  @Override
  public void close() throws IOException {
    p.close();
  }
}
