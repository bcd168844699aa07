package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link JsonFactory} every hub body is parsed with, and the translation of its failures into
 * {@link WireFormatException}. Factories are thread-safe and costly to build: sharing one keeps its symbol tables
 * (field names such as {@code "downloads"} are seen millions of times in a snapshot) warm.
 */
final class HfJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      // Messages carry our own offsets; never echo the body into an exception.
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private HfJson() {}

  /** A parser over {@code text}; offsets it reports are char offsets into {@code text}. */
  static JsonParser parser(String text) {
    try {
      return FACTORY.createParser(text);
    } catch (IOException e) {
      throw new WireFormatException("cannot read JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Rejects a null or blank body before parsing, naming what was expected. */
  static String requireBody(@Nullable String json, String expected) {
    if (json == null) throw new WireFormatException("expected " + expected + ", got no body (null)");
    if (json.isBlank()) throw new WireFormatException("expected " + expected + ", got an empty body");
    return json;
  }

  /** The char offset where the parser's current token starts. */
  static long tokenOffset(JsonParser p) {
    return p.currentTokenLocation().getCharOffset();
  }

  /** Names a token the way a message about the wire format should ("an object", "a string"…). */
  static String describe(@Nullable JsonToken t) {
    if (t == null) return "nothing";
    switch (t) {
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      default: return t.asString() == null ? t.name().toLowerCase(java.util.Locale.ROOT) : "'" + t.asString() + "'";
    }
  }

  /** Translates a parser failure, keeping it as the cause and saying where it happened. */
  static WireFormatException translate(IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      JsonLocation loc = jpe.getLocation();
      String where = loc == null || loc.getCharOffset() < 0 ? "" : " at offset " + loc.getCharOffset();
      if (e instanceof JsonEOFException) {
        return new WireFormatException("truncated JSON" + where, e);
      }
      String detail = jpe.getOriginalMessage();
      return new WireFormatException("malformed JSON" + where + (detail == null ? "" : ": " + firstLine(detail)), e);
    }
    return new WireFormatException("cannot read JSON: " + e.getClass().getSimpleName(), e);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
