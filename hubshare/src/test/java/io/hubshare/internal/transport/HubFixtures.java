package io.hubshare.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * Recorded Hub responses (src/test/resources/fixtures/hf, see the NOTICE there) and the few written by hand
 * (fixtures/hf/written, see its README), replayed through MockWebServer.
 */
final class HubFixtures {
  static final String INTERACTIONS = "/fixtures/hf/transport-interactions.jsonl";
  static final String ERRORS = "/fixtures/hf/transport-error-responses.jsonl";
  static final String WRITTEN = "/fixtures/hf/written/transport-hub-errors.jsonl";

  /** Framing headers MockWebServer sets itself from the body it sends. */
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection",
      "content-encoding");

  private static final ObjectMapper JSON = new ObjectMapper();

  private HubFixtures() {}

  /** Line {@code index} (0-based) of a recorded file. */
  static JsonNode recorded(String file, int index) {
    return lines(file).get(index);
  }

  /** The hand-written response named {@code name}. */
  static JsonNode written(String name) {
    return lines(WRITTEN).stream().filter(n -> n.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no written fixture " + name));
  }

  /**
   * A response record made in the test itself, for the few cases where only a status and a JSON body matter (a
   * plain 404, a body that echoes the token): not a recording.
   */
  static JsonNode minimal(int status, String body) {
    var record = JSON.createObjectNode().put("status", status).put("response_body", body);
    record.putObject("response_headers").putArray("Content-Type").add("application/json; charset=utf-8");
    return record;
  }

  /** The recorded or written response as MockWebServer will send it: status, headers and body unchanged. */
  static MockResponse response(JsonNode record) {
    MockResponse.Builder builder = new MockResponse.Builder().code(record.path("status").asInt());
    for (Map.Entry<String, JsonNode> header : record.path("response_headers").properties()) {
      if (!FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.addHeader(header.getKey(), value.asText()));
      }
    }
    return builder.body(record.path("response_body").asText()).build();
  }

  /** A header of a record, case-insensitively; fails if absent. */
  static String header(JsonNode record, String name) {
    String value = headerOrNull(record, name);
    if (value == null) {
      throw new IllegalArgumentException("no header " + name);
    }
    return value;
  }

  /** A header of a record, case-insensitively, or {@code null}. */
  static @Nullable String headerOrNull(JsonNode record, String name) {
    for (Map.Entry<String, JsonNode> header : record.path("response_headers").properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().get(0).asText();
      }
    }
    return null;
  }

  private static List<JsonNode> lines(String file) {
    try (InputStream in = HubFixtures.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalArgumentException("missing fixture " + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(l -> !l.isBlank()).map(HubFixtures::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
