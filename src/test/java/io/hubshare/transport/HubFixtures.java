package io.hubshare.transport;

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

  /** A header of a record, case-insensitively. */
  static String header(JsonNode record, String name) {
    for (Map.Entry<String, JsonNode> header : record.path("response_headers").properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().get(0).asText();
      }
    }
    throw new IllegalArgumentException("no header " + name);
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
