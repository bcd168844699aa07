package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.internal.transport.HubRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model info through the client's public API, over a fake transport that answers recorded bodies. */
class ModelsServiceTest {
  private static final String HUB = "https://huggingface.co";
  private final FakeTransport transport = new FakeTransport();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-08-20T10:00:00Z"));

  private HubClient client() {
    return HubClient.builder().environment(Map.of()).systemProperties(Map.of()).clock(clock)
        .transportFactory(transport.factory()).build();
  }

  @Test
  void getSendsTheInfoRequestAndReadsTheBody() {
    transport.answer(HUB + "/api/models/meta-llama/Llama-3.1-8B-Instruct", Fixtures.llamaInfo());
    Model m = client().models().get("meta-llama/Llama-3.1-8B-Instruct");

    assertThat(m.id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    HubRequest sent = transport.requests().get(0);
    assertThat(sent.url()).hasToString(HUB + "/api/models/meta-llama/Llama-3.1-8B-Instruct");
    assertThat(sent.kind()).isEqualTo(HubRequest.Kind.MODEL_INFO);
    assertThat(sent.subject()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(sent.revision()).isNull();
  }

  @Test
  void revisionTravelsEncodedWholeAndIsNamedInTheRequest() {
    transport.answer(HUB + "/api/models/openai-community/gpt2/revision/refs%2Fpr%2F1", Fixtures.gpt2Info());
    Model m = client().models().get("openai-community/gpt2", "refs/pr/1");
    assertThat(m.id()).isEqualTo("openai-community/gpt2");
    assertThat(transport.requests().get(0).revision()).isEqualTo("refs/pr/1");
  }

  @Test
  void aNullRevisionIsTheDefaultOneInEveryForm() {
    transport.answer(HUB + "/api/models/openai-community/gpt2", Fixtures.gpt2Info());
    HubClient hub = client();
    Model plain = hub.models().get("openai-community/gpt2");
    assertThat(hub.models().get("openai-community/gpt2", null)).isSameAs(plain);
    assertThat(hub.models().get("openai-community/gpt2", null, new String[0])).isSameAs(plain);
    assertThat(transport.urls()).as("one request, then the cache").containsExactly(
        HUB + "/api/models/openai-community/gpt2");
  }

  @Test
  void aBlankRevisionIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client().models().get("a/b", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void expandFieldsAreSentAndCachedSeparately() {
    transport.answer(HUB + "/api/models/openai-community/gpt2", Fixtures.gpt2Info())
        .answer(HUB + "/api/models/openai-community/gpt2?expand=downloadsAllTime&expand=baseModels",
            "{\"_id\":\"621ffdc036468d709f17434d\",\"id\":\"openai-community/gpt2\",\"downloadsAllTime\":123}");
    HubClient hub = client();
    hub.models().get("openai-community/gpt2");
    Model expanded = hub.models().get("openai-community/gpt2", null, "downloadsAllTime", "baseModels");
    // Same fields in another order, and a duplicate: the same lookup.
    hub.models().get("openai-community/gpt2", null, "baseModels", "downloadsAllTime", "baseModels");

    assertThat(expanded.downloads().allTime()).isEqualTo(123);
    assertThat(transport.urls()).containsExactly(HUB + "/api/models/openai-community/gpt2",
        HUB + "/api/models/openai-community/gpt2?expand=downloadsAllTime&expand=baseModels");
  }

  @Test
  void blankExpandFieldIsRefused() {
    assertThatThrownBy(() -> client().models().get("a/b", null, "tags", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expand");
    assertThat(transport.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "a/b/c", "a b", "..", "", "a/" + "x"})
  void invalidIdsFailBeforeAnyRequest(String id) {
    if (id.equals("a/x")) return; // the one valid id of the list: a control for the others
    assertThatThrownBy(() -> client().models().get(id)).isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void overlongNamePartFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> client().models().get("owner/" + "n".repeat(97)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("96");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void bareLegacyNameIsAcceptedAndTheCanonicalIdIsCachedToo() {
    transport.answerRedirected(HUB + "/api/models/bert-base-uncased", HUB + "/api/models/google-bert/bert-base-uncased",
        Fixtures.bertInfo());
    HubClient hub = client();
    Model m = hub.models().get("bert-base-uncased");
    assertThat(m.id()).isEqualTo("google-bert/bert-base-uncased");

    assertThat(hub.models().get("google-bert/bert-base-uncased")).isSameAs(m);
    assertThat(hub.models().get("bert-base-uncased")).isSameAs(m);
    assertThat(transport.requests()).hasSize(1);
  }

  @Test
  void secondLookupIsAnsweredFromMemoryUntilTheTtlPasses() {
    transport.answer(HUB + "/api/models/openai-community/gpt2", Fixtures.gpt2Info());
    HubClient hub = client();
    hub.models().get("openai-community/gpt2");
    hub.models().get("openai-community/gpt2");
    assertThat(transport.requests()).hasSize(1);
    assertThat(hub.cacheStats().hitCount()).isEqualTo(1);
    assertThat(hub.cacheStats().missCount()).isEqualTo(1);
    assertThat(hub.cacheStats().hitRate()).isEqualTo(0.5);

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    hub.models().get("openai-community/gpt2");
    assertThat(transport.requests()).hasSize(2);
  }

  @Test
  void zeroTtlAsksTheHubEveryTime() {
    transport.answer(HUB + "/api/models/openai-community/gpt2", Fixtures.gpt2Info());
    HubClient hub = HubClient.builder().environment(Map.of()).cacheTtl(Duration.ZERO)
        .transportFactory(transport.factory()).build();
    hub.models().get("openai-community/gpt2");
    hub.models().get("openai-community/gpt2");
    assertThat(transport.requests()).hasSize(2);
  }

  @Test
  void failuresAreNotCached() {
    transport.fail(HUB + "/api/models/a/b", () -> new RepositoryNotFoundException("model 'a/b' not found", 404,
        "RepoNotFound", "req-1", HUB + "/api/models/a/b", null));
    HubClient hub = client();
    assertThatThrownBy(() -> hub.models().get("a/b")).isInstanceOf(RepositoryNotFoundException.class);
    assertThatThrownBy(() -> hub.models().get("a/b")).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(transport.requests()).hasSize(2);
    assertThat(hub.cacheStats().loadFailureCount()).isEqualTo(2);
  }

  @Test
  void unreadableBodyBecomesMalformedResponseWithUrlStatusAndRequestId() {
    transport.answer(HUB + "/api/models/a/b", "{\"id\": \"a/b\", \"tags\": [", "X-Request-Id", "Root=1-abc");
    assertThatThrownBy(() -> client().models().get("a/b"))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.url()).isEqualTo(HUB + "/api/models/a/b");
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("Root=1-abc");
        });
  }

  @Test
  void variantsOfListsByBaseModelFilter() {
    transport.answer(HUB + "/api/models?filter=base_model%3Aquantized%3AQwen%2FQwen3-8B", "[]");
    assertThat(client().models().variantsOf("Qwen/Qwen3-8B", Relation.QUANTIZED).stream().toList()).isEmpty();
    assertThat(transport.requests().get(0).kind()).isEqualTo(HubRequest.Kind.MODEL_LIST);
  }
}
