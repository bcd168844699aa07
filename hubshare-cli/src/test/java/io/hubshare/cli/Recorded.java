package io.hubshare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;

/**
 * Real Hub bodies for the commands' tests: model info recorded by huggingface_hub's test suite
 * ({@code fixtures/hf/model-info}, Apache-2.0, see the NOTICE there) and list-format model objects from the
 * {@code hub-sample-2026-08} crawl (CC BY 4.0, see its LICENSE).
 */
final class Recorded {
  private Recorded() {}

  /** A recorded model-info body, such as {@code meta-llama__Llama-3.1-8B-Instruct__20250321T132837Z.json}. */
  static String modelInfo(String file) {
    return resource("/fixtures/hf/model-info/" + file);
  }

  /** The sample's model lines that pass {@code filter}, in the sample's order. */
  static List<String> sampleLines(Predicate<String> filter) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(open("/fixtures/hf/hub-sample-2026-08/models.jsonl.gz"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && filter.test(line)) lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** The sample's line of model {@code id}: the model object exactly as the list call sent it. */
  static String sampleModel(String id) {
    List<String> found = sampleLines(l -> l.startsWith("{\"id\":\"" + id + "\","));
    if (found.size() != 1) throw new IllegalStateException(found.size() + " sample lines for " + id);
    return found.get(0);
  }

  /** A list page: the lines as a JSON array. */
  static String page(List<String> lines) {
    return "[" + String.join(",", lines) + "]";
  }

  /** A 200 JSON answer. */
  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  /**
   * The Hub's answer for a repository that does not exist: {@code written/transport-hub-errors.jsonl},
   * {@code repo-not-found} (hand-written to the documented shape, see the README there).
   */
  static MockResponse repoNotFound() {
    return new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-Error-Code", "RepoNotFound").addHeader("X-Error-Message", "Repository not found")
        .addHeader("X-Request-Id", "Root=1-6a0e2f11-0c9d1e2a3b4c5d6e7f809102;4f5e6d7c-8b9a-4c1d-9e2f-3a4b5c6d7e8f")
        .body("{\"error\":\"Repository not found\"}").build();
  }

  /**
   * The Hub's 401 for a missing or private repository, as recorded (body and {@code X-Error-Message} of the
   * 401 in {@code error-responses.jsonl}).
   */
  static MockResponse invalidUsernameOrPassword() {
    return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-Error-Message", "Invalid username or password.")
        .body("{\"error\":\"Invalid username or password.\"}").build();
  }

  private static String resource(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String path) {
    InputStream in = Recorded.class.getResourceAsStream(path);
    if (in == null) throw new IllegalStateException("missing test resource " + path);
    return in;
  }
}
