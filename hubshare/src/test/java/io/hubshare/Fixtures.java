package io.hubshare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test bodies: recorded model info and the written account overviews of {@code src/test/resources/fixtures/hf}
 * (see the NOTICE and README there), and list pages cut from the hub sample in {@code src/test/resources/client}.
 */
final class Fixtures {
  private Fixtures() {}

  /** A resource under {@code src/test/resources}, such as {@code client/list/qwen-page-1.json}. */
  static String read(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String bertInfo() {
    return read("fixtures/hf/model-info/google-bert__bert-base-uncased__20250122T182445Z.json");
  }

  static String llamaInfo() {
    return read("fixtures/hf/model-info/meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json");
  }

  static String gpt2Info() {
    return read("fixtures/hf/model-info/openai-community__gpt2__20250321T132250Z.json");
  }

  /** An organisation's overview (written to the documented shape, not recorded). */
  static String deepseekOverview() {
    return read("fixtures/hf/overview/organization-deepseek-ai.json");
  }

  /** A user's overview (written to the documented shape, not recorded). */
  static String julienOverview() {
    return read("fixtures/hf/overview/user-julien-c.json");
  }

  static String qwenPage(int n) {
    return read("client/list/qwen-page-" + n + ".json");
  }
}
