package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.internal.protocol.RepoIdHash;
import io.hubshare.internal.protocol.StoredFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner against its reference: Jackson reading each non-blank line of the file as {@link StoredFieldReader}
 * reads a model object. On every line of the real sample, on crafted lines that take each of the scanner's branches,
 * and on the sample's lines damaged at random, the scanner must give exactly the reference's fields, or fail where the
 * reference fails. It must also read the sample itself, not hand it to Jackson.
 */
class StoredFieldScannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER = "{\"format\":\"hubshare-snapshot\",\"formatVersion\":1,\"hub\":\"huggingface\"}";
  private static final StoredFields.Request UPLOADER =
      new StoredFields.Request(true, false, false, false, false, false, false);
  private static final StoredFields.Request EVERYTHING =
      new StoredFields.Request(true, true, true, true, true, true, true);
  private static final List<StoredFields.Request> REQUESTS = List.of(UPLOADER, EVERYTHING,
      new StoredFields.Request(false, true, false, true, false, true, false),
      new StoredFields.Request(false, false, true, false, true, false, true));

  @Test
  void everySampleLineReadsAsJacksonReadsIt() throws IOException {
    List<String> lines = HfFixtures.sampleLines();
    for (StoredFields.Request request : REQUESTS) {
      String file = HEADER + "\n" + String.join("\n", lines) + "\n";
      assertThat(scan(file, request, 1 << 20)).isEqualTo(reference(file, request));
    }
  }

  @Test
  void everyRecordedModelInfoOnOneLineReadsAsJacksonReadsIt() throws IOException {
    // The Hub's model-info bodies: siblings, config, safetensors, expanded base models, cards with free text.
    List<String> lines = new ArrayList<>();
    for (Path f : HfFixtures.modelInfoFiles()) {
      lines.add(JSON.readTree(HfFixtures.read(f)).toString());
    }
    assertThat(lines).hasSizeGreaterThan(50);
    String file = HEADER + "\n" + String.join("\n", lines) + "\n";
    for (StoredFields.Request request : REQUESTS) {
      assertThat(scan(file, request, 1 << 20)).isEqualTo(reference(file, request));
    }
  }

  @Test
  void theScannerReadsTheSampleItselfAndLeavesJacksonTheLinesItMust() throws IOException {
    List<String> lines = HfFixtures.sampleLines();
    String file = HEADER + "\n" + String.join("\n", lines) + "\n";
    for (StoredFields.Request request : List.of(UPLOADER, EVERYTHING)) {
      StoredFieldScanner s = new StoredFieldScanner(bytes(file, 1 << 20), request);
      StoredFields f = new StoredFields();
      int n = 0;
      while (s.next(f)) n++;
      assertThat(n).isEqualTo(lines.size());
      // Uploader: every line but the one whose id or author is not plain ASCII. With base models read, also the
      // lines whose base-model tags hold escapes (a Windows path).
      assertThat(s.jacksonLines()).isLessThanOrEqualTo(request == UPLOADER ? 1 : 8);
    }
  }

  @Test
  void linesLongerThanTheBufferAndReadsOfAFewBytesGiveTheSameFields() throws IOException {
    List<String> lines = new ArrayList<>(HfFixtures.sampleLines().subList(0, 300));
    // A line of 3 MiB: the buffer grows to hold it.
    lines.add(150, "{\"id\":\"big/one\",\"downloads\":7,\"tags\":[\"" + "x".repeat(3 << 20) + "\"]}");
    String file = HEADER + "\n\n  \n" + String.join("\n", lines); // blank lines, no final line end
    List<String> expected = reference(file, EVERYTHING);
    assertThat(expected).hasSize(301);
    assertThat(scan(file, EVERYTHING, 1 << 20)).isEqualTo(expected);
    assertThat(scan(file, EVERYTHING, 7)).isEqualTo(expected);
    assertThat(scan(file, UPLOADER, 1)).isEqualTo(reference(file, UPLOADER));
  }

  @Test
  void craftedLinesReadAsJacksonReadsThemOrFailWhereItFails() throws IOException {
    List<String> cases = List.of(
        "{}",
        "{\"id\":\"a/b\"}",
        "  {\"id\" : \"a/b\" ,\t\"author\" :\"  Who \", \"downloads\": 12 }\r",
        "{\"id\":\"a/b\",\"downloads\":-0,\"likes\":-5,\"downloadsAllTime\":9223372036854775807}",
        "{\"id\":\"a/b\",\"downloads\":123456789012345678}",
        "{\"id\":\"a/b\",\"downloads\":1234567890123456789}",
        "{\"id\":\"a/b\",\"downloads\":99999999999999999999999}",
        "{\"id\":\"a/b\",\"downloads\":1.0,\"likes\":2.5,\"downloadsAllTime\":3e2}",
        "{\"id\":\"a/b\",\"downloads\":01}",
        "{\"id\":\"a/b\",\"downloads\":-}",
        "{\"id\":\"a/b\",\"downloads\":\"12\",\"likes\":null,\"downloadsAllTime\":[1]}",
        "{\"id\":\"a/b\",\"downloads\":1,\"downloads\":2}",
        "{\"id\":null,\"modelId\":\"legacy\"}",
        "{\"modelId\":\" m/x \",\"author\":\"\"}",
        "{\"id\":\"a/b\",\"id\":null}",
        "{\"id\":\"\"}",
        "{\"id\":\"   \"}",
        "{\"id\":7}",
        "{\"id\":\"/lead\"}",
        "{\"author\":\"nobody\"}",
        "{\"id\":\"caf\u00e9/x\"}",
        "{\"id\":\"a/b\",\"author\":\"\u00e9t\u00e9\"}",
        "{\"id\":\"a/b\",\"cardData\":{\"description\":\"\u6a21\u578b \\\"quoted\\\" \\u00e9 \\n\"}}",
        "{\"id\":\"a/b\",\"note\":\"bad escape \\x\"}",
        "{\"id\":\"a/b\",\"note\":\"short unicode \\u12\"}",
        "{\"id\":\"a/b\",\"note\":\"tab\there\"}",
        "{\"id\":\"a/b\",\"n\\u006fte\":1}",
        "{\"\\u0069d\":\"a/b\"}",
        "{\"id\":\"a\\/b\"}",
        "{\"id\":\"a/b\",\"private\":false,\"gated\":true,\"x\":null}",
        "{\"id\":\"a/b\",\"private\":fals}",
        "{\"id\":\"a/b\",\"private\":falsey}",
        "{\"id\":\"a/b\",\"x\":[1,2,,3]}",
        "{\"id\":\"a/b\",\"x\":[1,2,]}",
        "{\"id\":\"a/b\",}",
        "{\"id\" \"a/b\"}",
        "{\"id\":\"a/b\"",
        "{\"id\":\"a/b\"}}",
        "{\"id\":\"a/b\"} {\"id\":\"c/d\"}",
        "{\"id\":\"a/b\"} x",
        "[{\"id\":\"a/b\"}]",
        "\"a/b\"",
        "{\"id\":\"a/b\",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}",
        "{\"id\":\"a/b\",\"x\":" + "[".repeat(20) + "1" + "]".repeat(20) + "}",
        "{\"id\":\"a/b\",\"x\":{\"y\":{\"z\":[{},[],\"s\",1.5e-3,-0.0,true]}}}",
        "{\"id\":\"a/b\",\"createdAt\":\"2024-09-25T17:00:57.000Z\",\"pipeline_tag\":\" text-generation \","
            + "\"library_name\":\"\"}",
        "{\"id\":\"a/b\",\"createdAt\":\"yesterday\"}",
        "{\"id\":\"a/b\",\"createdAt\":17}",
        "{\"id\":\"q/ft\",\"library_name\":\"peft\",\"tags\":[\"base_model:adapter:Qwen/Qwen3-8B\",\"lora\",7,"
            + "{\"x\":1},\"base_model:Qwen/Qwen3-8B\"],\"cardData\":{\"base_model\":[\"Qwen/Qwen3-8B\",null,\"o/t\"],"
            + "\"base_model_relation\":\" adapter \",\"license\":\"mit\"}}",
        "{\"id\":\"q/ft\",\"tags\":\"base_model:Qwen/Qwen3-8B\",\"cardData\":{\"base_model\":\"Qwen/Qwen3-8B\"}}",
        "{\"id\":\"q/ft\",\"tags\":{\"a\":1},\"cardData\":[1],\"cardData\":{\"base_model\":7}}",
        "{\"id\":\"q/ft\",\"tags\":[\"base_model:C:\\\\Models\\\\x\"]}",
        "{\"id\":\"q/ft\",\"baseModels\":{\"relation\":\"finetune\",\"models\":[{\"id\":\"Qwen/Qwen3-8B\"}]}}",
        "{\"id\":\"a/b\",\"x\":\"\u0001\"}");
    for (String line : cases) {
      String file = HEADER + "\n" + line + "\n";
      for (StoredFields.Request request : REQUESTS) {
        List<String> expected;
        try {
          expected = reference(file, request);
        } catch (IOException | RuntimeException e) {
          assertThatThrownBy(() -> scan(file, request, 1 << 20)).as(line).isInstanceOfAny(IOException.class,
              RuntimeException.class);
          continue;
        }
        assertThat(scan(file, request, 1 << 20)).as(line).isEqualTo(expected);
      }
    }
  }

  @Test
  void aListPageOfSampleModelsReadsAsJacksonReadsIt() throws IOException {
    List<String> lines = HfFixtures.sampleLines();
    for (StoredFields.Request request : List.of(UPLOADER, EVERYTHING)) {
      int scanned = 0;
      int pages = 0;
      for (int from = 0; from < lines.size(); from += 1000, pages++) {
        String page = "[" + String.join(",", lines.subList(from, Math.min(lines.size(), from + 1000))) + "]";
        List<StoredFields> read = StoredFieldScanner.page(bytes(page, 1 << 16), request);
        if (read == null) continue; // a model the scanner leaves to Jackson: the caller reads the page with it
        scanned++;
        assertThat(read.stream().map(StoredFieldScannerTest::describe).toList()).isEqualTo(jacksonPage(page, request));
      }
      // The pages without the sample's one non-ASCII model, and for base models its few escaped tags.
      assertThat(scanned).isGreaterThanOrEqualTo(pages - (request == UPLOADER ? 1 : 8));
    }
  }

  @Test
  void aListPageTheScannerCannotPlaceIsLeftToJackson() throws IOException {
    String model = HfFixtures.sampleLines().get(0);
    assertThat(StoredFieldScanner.page(bytes("[]", 1), UPLOADER)).isEmpty();
    assertThat(StoredFieldScanner.page(bytes(" [ " + model + " , " + model + " ] \r", 3), UPLOADER)).hasSize(2);
    for (String page : List.of("", "{}", model, "[" + model + ",]", "[" + model + "] x", "[" + model + "]]",
        "[" + model + "\n]", "[" + model + " " + model + "]", "[" + model, "[1]", "[" + model + ",null]")) {
      assertThat(StoredFieldScanner.page(bytes(page, 1 << 16), UPLOADER)).as(page).isNull();
    }
  }

  @Test
  void aFileThatIsNotOneObjectALineFails() {
    for (String file : List.of("", "\n" + HEADER + "\n{\"id\":\"a/b\"}", "[1]\n{\"id\":\"a/b\"}",
        HEADER + " {}\n{\"id\":\"a/b\"}", "{\"format\":\n\"x\"}\n{\"id\":\"a/b\"}", HEADER + "\n{\"id\":\n\"a/b\"}")) {
      assertThatThrownBy(() -> scan(file, UPLOADER, 1 << 20)).as(file).isInstanceOfAny(IOException.class,
          RuntimeException.class);
    }
  }

  @Test
  void aLineLongerThan32MiBFails() {
    String file = HEADER + "\n{\"id\":\"a/b\",\"x\":\"" + "y".repeat(StoredFieldScanner.MAX_LINE) + "\"}\n";
    assertThatThrownBy(() -> scan(file, UPLOADER, 1 << 20)).hasMessageContaining("longer than 32 MiB");
  }

  @Test
  void theQuickHashOfAnIdReadAsBytesIsThatOfTheString() {
    for (String id : List.of("a", "Qwen/Qwen3-8B", "google/gemma-4-E4B-it", "exactly8", "sixteen-chars-id", "")) {
      byte[] b = java.util.Arrays.copyOf(id.getBytes(StandardCharsets.US_ASCII), id.length() + 7);
      assertThat(RepoIdHash.quickAscii(b, 0, id.length())).isEqualTo(RepoIdHash.quick(id));
    }
    assertThat(RepoIdHash.quick("google/gemma-4-e4b-it")).isEqualTo(RepoIdHash.quick("google/gemma-4-E4B-it"));
    assertThat(RepoIdHash.quick("google/gemma-4-e4b-it")).isNotEqualTo(RepoIdHash.quick("google/gemma-4-e2b-it"));
    assertThat(RepoIdHash.quick("\u212Aey/x")).isEqualTo(RepoIdHash.quick("key/x")); // the Kelvin sign folds to k
    assertThat(RepoIdHash.quick("caf\u00c9/x")).isEqualTo(RepoIdHash.quick("caf\u00e9/X"));
  }

  @Provide
  Arbitrary<String> damagedLines() {
    return Arbitraries.oneOf(Mutations.of(HfFixtures.sampleLines().subList(0, 400)),
        Mutations.of(List.of("{\"id\":\"q/ft\",\"author\":\"q\",\"downloads\":5,\"tags\":[\"base_model:o/t\"],"
            + "\"cardData\":{\"base_model\":[\"o/t\"],\"base_model_relation\":\"finetune\"},\"x\":\"\\u00e9\\n\"}")));
  }

  @Property(tries = 1500)
  void aDamagedLineReadsAsJacksonReadsItOrFailsWhereItFails(@ForAll("damagedLines") String line) throws IOException {
    String file = HEADER + "\n" + line + "\n";
    for (StoredFields.Request request : List.of(UPLOADER, EVERYTHING)) {
      List<String> expected;
      try {
        expected = reference(file, request);
      } catch (IOException | RuntimeException e) {
        assertThatThrownBy(() -> scan(file, request, 1 << 20)).isInstanceOfAny(IOException.class,
            RuntimeException.class);
        continue;
      }
      assertThat(scan(file, request, 1 << 20)).isEqualTo(expected);
    }
  }

  /** What the scanner reads from the file, read by reads of at most {@code chunk} bytes. */
  private static List<String> scan(String file, StoredFields.Request request, int chunk) throws IOException {
    List<String> out = new ArrayList<>();
    try (StoredFieldScanner s = new StoredFieldScanner(bytes(file, chunk), request)) {
      StoredFields f = new StoredFields();
      while (s.next(f)) out.add(describe(f));
    }
    return out;
  }

  /**
   * The reference: the header object alone on the first line, then each line that is not blank read by Jackson as
   * one model object, alone on its line.
   */
  private static List<String> reference(String file, StoredFields.Request request) throws IOException {
    String[] lines = file.split("\n", -1);
    if (lines[0].isEmpty()) throw new IOException("no header");
    try (JsonParser p = HfJson.FACTORY.createParser(lines[0])) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a header");
      p.skipChildren();
      if (p.nextToken() != null) throw new IOException("more than a header");
    }
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) continue;
      try (JsonParser p = HfJson.FACTORY.createParser(lines[i].getBytes(StandardCharsets.UTF_8))) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
        StoredFields f = new StoredFields();
        StoredFieldReader.read(p, request, f);
        if (p.nextToken() != null) throw new IOException("more than an object");
        out.add(describe(f));
      }
    }
    return out;
  }

  /** A page read by Jackson, each object as {@link StoredFieldReader} reads it. */
  private static List<String> jacksonPage(String page, StoredFields.Request request) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = HfJson.FACTORY.createParser(page.getBytes(StandardCharsets.UTF_8))) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        StoredFields f = new StoredFields();
        StoredFieldReader.read(p, request, f);
        out.add(describe(f));
      }
    }
    return out;
  }

  private static String describe(StoredFields f) {
    return String.join("|", f.id(), Long.toHexString(f.idHash), Objects.toString(f.account),
        Objects.toString(f.downloads), Objects.toString(f.downloadsAllTime), Objects.toString(f.likes),
        Objects.toString(f.createdAt), Objects.toString(f.pipelineTag), Objects.toString(f.libraryName),
        f.bases.toString());
  }

  /** The file's UTF-8 bytes, handed out at most {@code chunk} at a time. */
  private static InputStream bytes(String file, int chunk) {
    byte[] all = file.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(all) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
