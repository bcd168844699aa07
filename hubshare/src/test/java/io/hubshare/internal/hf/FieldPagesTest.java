package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.transport.Body;
import io.hubshare.internal.transport.HubResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * A list page read as fields ({@link FieldPages}: the byte scanner, else Jackson over the page) reads what
 * {@link StoredFieldReader} reads with strings, model by model, and fails where the full reader fails.
 */
class FieldPagesTest {
  private static final HttpUrl URL = HttpUrl.get("https://huggingface.co/api/models?limit=1000");
  private static final StoredFields.Request ALL = new StoredFields.Request(true, true, true, true, true, true, true);
  private static final StoredFields.Request DOWNLOADS = new StoredFields.Request(true, false, false, false, false,
      false, false);

  /** Models whose id and author take every way through the reader. */
  private static final List<String> MODELS = List.of(
      "{\"id\":\"Qwen/Qwen3-8B\",\"author\":\"Qwen\",\"downloads\":12}",
      "{\"id\":\"  spaced/id \\t\",\"author\":\"  Spaced Author  \",\"downloads\":3}",
      "{\"id\":\"no-author/model\",\"downloads\":5,\"likes\":2}",
      "{\"id\":\"gpt2\",\"downloads\":7}",
      "{\"id\":\"caf\u00e9/mod\u00e8le\",\"author\":\"caf\u00e9\",\"downloads\":1}",
      "{\"id\":\"\u212a-kelvin/X\",\"downloads\":4}",
      "{\"id\":\"first/id\",\"id\":\"second/ID\",\"author\":\"\",\"downloads\":9}",
      "{\"id\":null,\"modelId\":\"legacy/model-id\",\"author\":7,\"downloads\":2.0}",
      "{\"modelId\":\"  only/modelId \",\"author\":\"   \"}",
      "{\"id\":\"esc\\u0061ped/na\\/me\",\"author\":\"esc\\u0061ped\",\"downloads\":-1}",
      "{\"id\":\"base/child\",\"author\":\"base\",\"downloads\":8,\"createdAt\":\"2025-01-02T03:04:05.000Z\","
          + "\"pipeline_tag\":\"text-generation\",\"library_name\":\"gguf\","
          + "\"tags\":[\"base_model:quantized:Qwen/Qwen3-8B\",\"gguf\"],\"cardData\":{\"base_model\":\"Qwen/Qwen3-8B\"}}");

  private static HubResponse response(byte[] body) {
    return new HubResponse(200, URL, Headers.of(), Body.of(body, StandardCharsets.UTF_8), null, false);
  }

  private static HubResponse response(String body) {
    return response(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The reference: each object read with strings. */
  private static List<StoredFields> withStrings(String page, StoredFields.Request request) throws IOException {
    List<StoredFields> out = new ArrayList<>();
    try (JsonParser p = HfJson.FACTORY.createParser(page)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        StoredFields f = new StoredFields();
        StoredFieldReader.read(p, request, f);
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void everyModelReadsAsWithStrings() throws IOException {
    String page = "[" + String.join(",", MODELS) + "]";
    for (StoredFields.Request request : List.of(DOWNLOADS, ALL)) {
      List<StoredFields> expected = withStrings(page, request);
      List<StoredFields> read = FieldPages.read(response(page), request);
      assertThat(read).hasSize(MODELS.size());
      for (int i = 0; i < read.size(); i++) {
        StoredFields a = read.get(i);
        StoredFields b = expected.get(i);
        assertThat(a.id()).as("id of %s", MODELS.get(i)).isEqualTo(b.id());
        assertThat(a.idHash).as("idHash of %s", MODELS.get(i)).isEqualTo(b.idHash);
        assertThat(a.account).as("account of %s", MODELS.get(i)).isEqualTo(b.account);
        assertThat(a.downloads).isEqualTo(b.downloads);
        assertThat(a.likes).isEqualTo(b.likes);
        assertThat(a.createdAt).isEqualTo(b.createdAt);
        assertThat(a.pipelineTag).isEqualTo(b.pipelineTag);
        assertThat(a.libraryName).isEqualTo(b.libraryName);
        assertThat(a.bases).isEqualTo(b.bases);
      }
    }
    // The cases above are there: a trimmed id, an author from the id, a bare id, and ids that are not ASCII.
    List<StoredFields> read = FieldPages.read(response(page), DOWNLOADS);
    assertThat(read.get(1).id()).isEqualTo("spaced/id");
    assertThat(read.get(1).account).isEqualTo("Spaced Author");
    assertThat(read.get(2).account).isEqualTo("no-author");
    assertThat(read.get(3).account).isNull();
    assertThat(read.get(4).id()).isEqualTo("caf\u00e9/mod\u00e8le");
    assertThat(read.get(6).id()).isEqualTo("second/ID");
    assertThat(read.get(7).id()).isEqualTo("legacy/model-id");
    assertThat(read.get(9).id()).isEqualTo("escaped/na/me");
    assertThat(FieldPages.read(response(page), ALL).get(10).bases).isNotEmpty();
  }

  @Test
  void anAuthorIsOneStringPerSpellingFromPageToPage() {
    String page = "[" + MODELS.get(0) + "," + MODELS.get(0).replace("Qwen3-8B", "Qwen3-4B") + "]";
    List<StoredFields> first = FieldPages.read(response(page), DOWNLOADS);
    List<StoredFields> second = FieldPages.read(response(page), DOWNLOADS);
    assertThat(first.get(0).account).isEqualTo("Qwen").isSameAs(first.get(1).account).isSameAs(second.get(0).account);
  }

  @Test
  void whatTheFieldReaderStopsAtTheFullReaderReads() {
    // A byte that is not UTF-8 in an author: the full reader decodes it to U+FFFD.
    byte[] page = "[{\"id\":\"a/b\",\"author\":\"X\",\"downloads\":1}]".getBytes(StandardCharsets.UTF_8);
    int x = new String(page, StandardCharsets.ISO_8859_1).indexOf('X');
    page[x] = (byte) 0xFF;
    List<StoredFields> read = FieldPages.read(response(page), DOWNLOADS);
    assertThat(read).hasSize(1);
    assertThat(read.get(0).account).isEqualTo("\uFFFD");
    assertThat(read.get(0).downloads).isEqualTo(1L);
  }

  @Test
  void aPageTheFullReaderRefusesFailsWithItsMessage() {
    for (String page : List.of("[{\"id\":\"\"}]", "[{\"author\":\"x\"}]", "[{\"id\":5}]", "[1]", "{}", "[{\"id\":\"a/b\"}",
        "[{\"id\":\"a/b\"}] []", "")) {
      Throwable fast = catchThrowable(() -> FieldPages.read(response(page), DOWNLOADS));
      Throwable full = catchThrowable(() -> WireDecoder.models(response(page)));
      assertThat(full).as(page).isInstanceOf(MalformedResponseException.class);
      assertThat(fast).as(page).isInstanceOf(MalformedResponseException.class).hasMessage(full.getMessage());
    }
  }
}
