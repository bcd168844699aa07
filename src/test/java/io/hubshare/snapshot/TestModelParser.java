package io.hubshare.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A small reader of the Hub's list wire format for these tests only, standing in for the library's own parser
 * ({@code io.hubshare.hf.HfModels}) until it is available here. Reads what the snapshot tests look at.
 */
final class TestModelParser {
  static final Function<String, Model> PARSE = TestModelParser::parse;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestModelParser() {}

  static Model parse(String line) {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (o == null || !o.hasNonNull("id")) throw new IllegalArgumentException("no id");
    List<String> tags = new ArrayList<>();
    o.path("tags").forEach(t -> tags.add(t.asText()));
    return new Model(o.get("id").asText(), text(o, "author"), text(o, "sha"), instant(o, "createdAt"),
        instant(o, "lastModified"), text(o, "pipeline_tag"), text(o, "library_name"), tags, null,
        o.has("private") ? o.get("private").asBoolean() : null, null, null, null,
        new DownloadMetrics(number(o, "downloads"), number(o, "downloadsAllTime"), number(o, "likes"), null),
        List.of(), line);
  }

  private static String text(JsonNode o, String f) {
    return o.hasNonNull(f) ? o.get(f).asText() : null;
  }

  private static Instant instant(JsonNode o, String f) {
    return o.hasNonNull(f) ? Instant.parse(o.get(f).asText()) : null;
  }

  private static Long number(JsonNode o, String f) {
    return o.hasNonNull(f) ? o.get(f).asLong() : null;
  }
}
