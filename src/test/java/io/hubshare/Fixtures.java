package io.hubshare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixtures from {@code src/test/resources/client}. */
final class Fixtures {
  private Fixtures() {}

  static String read(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/client/" + path)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String bertInfo() {
    return read("model-info/google-bert__bert-base-uncased__20250122T182445Z.json");
  }

  static String llamaInfo() {
    return read("model-info/meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json");
  }

  static String gpt2Info() {
    return read("model-info/openai-community__gpt2__20250321T132250Z.json");
  }

  static String qwenPage(int n) {
    return read("list/qwen-page-" + n + ".json");
  }
}
