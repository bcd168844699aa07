package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * The hand-written ModelScope exchanges of {@code src/test/resources/fixtures/modelscope} (see the README there:
 * each follows the official SDKs' field mapping and says which SDK file and version in its {@code written} field).
 */
public final class MsFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MsFixtures() {}

  /** The exchange named {@code name}: {@code method, uri, status, response_headers, response_body}. */
  public static JsonNode exchange(String name) {
    String path = "/fixtures/modelscope/" + name + ".json";
    try (InputStream in = MsFixtures.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + path);
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response body as the hub would send it: the JSON value written compactly, or the text as is. */
  public static String body(String name) {
    JsonNode b = exchange(name).get("response_body");
    return b.isTextual() ? b.asText() : b.toString();
  }

  /** The envelope's {@code data} (or {@code Data}) object, as its exact text within {@link #body(String)}. */
  public static String data(String name) {
    JsonNode b = exchange(name).get("response_body");
    JsonNode d = b.has("data") ? b.get("data") : b.get("Data");
    return d.toString();
  }

  /** The exchange as a response: its status, headers and body. */
  public static MockResponse response(String name) {
    JsonNode ex = exchange(name);
    MockResponse.Builder r = new MockResponse.Builder().code(ex.get("status").asInt()).body(body(name));
    for (Iterator<Map.Entry<String, JsonNode>> it = ex.get("response_headers").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      for (JsonNode v : h.getValue()) r.addHeader(h.getKey(), v.asText());
    }
    return r.build();
  }
}
