package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.Endpoints;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubUrlsTest {
  private final HubUrls hub = new HubUrls(Endpoints.parseEndpoint("https://huggingface.co", "test"));
  private final HubUrls mirror = new HubUrls(Endpoints.parseEndpoint("http://127.0.0.1:8080/hf/", "test"));

  @Test
  void modelInfoPathHasOneSegmentPerIdPart() {
    assertThat(hub.modelInfo("deepseek-ai/DeepSeek-R1", null, List.of()))
        .hasToString("https://huggingface.co/api/models/deepseek-ai/DeepSeek-R1");
    assertThat(hub.modelInfo("gpt2", null, List.of())).hasToString("https://huggingface.co/api/models/gpt2");
    assertThat(mirror.modelInfo("Qwen/Qwen3-8B", null, List.of()))
        .hasToString("http://127.0.0.1:8080/hf/api/models/Qwen/Qwen3-8B");
  }

  @Test
  void revisionIsEncodedWholeAsOneSegment() {
    HttpUrl url = hub.modelInfo("Qwen/Qwen3-8B", "refs/pr/12", List.of());
    assertThat(url.encodedPath()).isEqualTo("/api/models/Qwen/Qwen3-8B/revision/refs%2Fpr%2F12");
    assertThat(hub.modelInfo("a/b", "v1.0 beta?#%", List.of()).encodedPath())
        .isEqualTo("/api/models/a/b/revision/v1.0%20beta%3F%23%25");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "", " ", "main\n"})
  void revisionsThatWouldNavigateOrBreakThePathAreRefused(String revision) {
    assertThatThrownBy(() -> hub.modelInfo("a/b", revision, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision");
  }

  @Test
  void expandFieldsAreRepeatedQueryParameters() {
    HttpUrl url = hub.modelInfo("a/b", null, List.of("baseModels", "downloadsAllTime"));
    assertThat(url.encodedQuery()).isEqualTo("expand=baseModels&expand=downloadsAllTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "a/b/c", "a b/c", "a/..", "..", "", "/a", "a/", "-a/b"})
  void invalidIdsAreRefusedBeforeAnyUrlIsBuilt(String id) {
    assertThatThrownBy(() -> hub.modelInfo(id, null, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid repository id");
  }

  @Test
  void overlongIdPartIsRefused() {
    assertThatThrownBy(() -> hub.modelInfo("a/" + "x".repeat(97), null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(hub.modelInfo("a/" + "x".repeat(96), null, List.of())).isNotNull();
  }

  @Test
  void listQueryValuesAreEncoded() {
    ModelQuery q = ModelQuery.builder().search("llama 3&4").author("Qwen").filter("base_model:quantized:Qwen/Qwen3-8B")
        .sort(ModelSort.DOWNLOADS).pageSize(1000).expand("downloadsAllTime").build();
    HttpUrl url = hub.modelList(HfQuery.parameters(q), null);
    assertThat(url.encodedPath()).isEqualTo("/api/models");
    assertThat(url.encodedQuery()).isEqualTo("search=llama%203%264&author=Qwen"
        + "&filter=base_model%3Aquantized%3AQwen%2FQwen3-8B&sort=downloads&limit=1000&expand=downloadsAllTime");
    assertThat(url.queryParameter("search")).isEqualTo("llama 3&4");
    assertThat(hub.modelList(List.of(), "eyJfaWQiOnsiJGx0IjoiNjYifX0=").encodedQuery())
        .isEqualTo("cursor=eyJfaWQiOnsiJGx0IjoiNjYifX0%3D");
  }

  @Test
  void accountOverviews() {
    assertThat(hub.organization("Qwen")).hasToString("https://huggingface.co/api/organizations/Qwen/overview");
    assertThat(mirror.user("mradermacher")).hasToString("http://127.0.0.1:8080/hf/api/users/mradermacher/overview");
    assertThatThrownBy(() -> hub.user("../admin")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account name");
  }

  @Test
  void nextLinkOnTheEndpointHostIsKept() {
    HttpUrl page = hub.modelList(List.of(), null);
    assertThat(hub.next(page, "https://huggingface.co/api/models?author=Qwen&cursor=abc"))
        .hasToString("https://huggingface.co/api/models?author=Qwen&cursor=abc");
  }

  @Test
  void nextLinkToAnotherHostIsRebasedOntoTheEndpoint() {
    HttpUrl page = mirror.modelList(List.of(), null);
    assertThat(mirror.next(page, "https://huggingface.co/api/models?author=Qwen&cursor=ab%3D"))
        .hasToString("http://127.0.0.1:8080/hf/api/models?author=Qwen&cursor=ab%3D");
    assertThat(mirror.next(page, "https://huggingface.co/hf/api/models?cursor=x"))
        .hasToString("http://127.0.0.1:8080/hf/api/models?cursor=x");
    HubUrls local = new HubUrls(Endpoints.parseEndpoint("http://localhost:9000", "test"));
    assertThat(local.next(local.modelList(List.of(), null), "https://huggingface.co/api/models?cursor=x"))
        .hasToString("http://localhost:9000/api/models?cursor=x");
  }

  @Test
  void relativeNextLinkIsResolvedAgainstThePage() {
    HttpUrl page = mirror.modelList(List.of(), null);
    assertThat(mirror.next(page, "/hf/api/models?cursor=x")).hasToString("http://127.0.0.1:8080/hf/api/models?cursor=x");
    assertThat(mirror.next(page, "models?cursor=y")).hasToString("http://127.0.0.1:8080/hf/api/models?cursor=y");
  }

  @Test
  void cursorShapedLikeAUrlIsFollowedRebased() {
    assertThat(mirror.cursorUrl("https://huggingface.co/api/models?cursor=x"))
        .hasToString("http://127.0.0.1:8080/hf/api/models?cursor=x");
    assertThat(hub.cursorUrl("eyJfaWQiOnsiJGx0IjoiNjYifX0=")).isNull();
  }
}
