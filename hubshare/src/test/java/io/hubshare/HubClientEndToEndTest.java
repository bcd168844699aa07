package io.hubshare;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.OfflineException;
import io.hubshare.error.RepositoryNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole client over real HTTP: builder, discovery, transport, wire format, caches and pager. */
class HubClientEndToEndTest {
  private static final String TOKEN = "hf_EndToEndTestToken0123456789";
  private final MockWebServer server = new MockWebServer();
  private HubClient hub;

  @BeforeEach
  void start() throws Exception {
    server.start();
    hub = client().build();
  }

  @AfterEach
  void stop() {
    hub.close();
    server.close();
  }

  private HubClient.Builder client() {
    return HubClient.builder().endpoint(server.url("/").toString()).token(TOKEN).environment(Map.of())
        .maxRetries(0).sleeper(d -> {});
  }

  private static MockResponse json(String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Content-Type",
        "application/json; charset=utf-8").body(body);
    for (int i = 0; i < headers.length; i += 2) b.addHeader(headers[i], headers[i + 1]);
    return b.build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void modelInfoIsFetchedWithTokenAndUserAgentAndParsed() throws Exception {
    server.enqueue(json(Fixtures.llamaInfo(), "X-Request-Id", "Root=1-67dd4a62"));
    Model m = hub.models().get("meta-llama/Llama-3.1-8B-Instruct");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo(UserAgentTest.expected());
    assertThat(m.id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(m.author()).isEqualTo("meta-llama");
    assertThat(m.tags()).contains("text-generation");
    assertThat(m.rawJson()).isEqualTo(Fixtures.llamaInfo());
  }

  @Test
  void anonymousClientSendsNoAuthorization() throws Exception {
    server.enqueue(json(Fixtures.gpt2Info()));
    try (HubClient anonymous = client().anonymous().build()) {
      anonymous.models().get("openai-community/gpt2");
    }
    assertThat(take().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void endpointAndTokenAreDiscoveredFromTheInjectedEnvironmentAndTokenFile(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve(".cache/huggingface"));
    Files.writeString(home.resolve(".cache/huggingface/token"), "hf_FromTheTokenFile\n");
    server.enqueue(json(Fixtures.gpt2Info()));
    try (HubClient discovered = HubClient.builder().environment(Map.of("HF_ENDPOINT", server.url("/").toString()))
        .systemProperties(Map.of("user.home", home.toString())).build()) {
      discovered.models().get("openai-community/gpt2");
    }
    RecordedRequest r = take();
    assertThat(r.getTarget()).isEqualTo("/api/models/openai-community/gpt2");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer hf_FromTheTokenFile");
  }

  @Test
  void revisionIsEncodedWholeAndExpandFieldsAreRepeated() throws Exception {
    server.enqueue(json(Fixtures.gpt2Info()));
    server.enqueue(json("{\"_id\":\"621ffdc036468d709f17434d\",\"id\":\"openai-community/gpt2\","
        + "\"downloadsAllTime\":1234567}"));
    hub.models().get("openai-community/gpt2", "refs/pr/1");
    Model expanded = hub.models().get("openai-community/gpt2", null, "downloadsAllTime", "baseModels");

    assertThat(take().getTarget()).isEqualTo("/api/models/openai-community/gpt2/revision/refs%2Fpr%2F1");
    assertThat(take().getTarget())
        .isEqualTo("/api/models/openai-community/gpt2?expand=downloadsAllTime&expand=baseModels");
    assertThat(expanded.downloads().allTime()).isEqualTo(1234567L);
  }

  @Test
  void renamedRepositoryIsFollowedAndCachedUnderItsCanonicalId() throws Exception {
    // The recorded 307 of the Hub for the legacy name bert-base-uncased: a relative Location.
    JsonNode recorded = new ObjectMapper().readTree(Fixtures.read("client/redirect/redirect-bert-base-uncased.json"));
    JsonNode headers = recorded.get("response_headers");
    server.enqueue(new MockResponse.Builder().code(recorded.get("status").asInt())
        .addHeader("Location", headers.get("Location").get(0).asText())
        .addHeader("Content-Type", headers.get("Content-Type").get(0).asText())
        .addHeader("X-Request-Id", headers.get("X-Request-Id").get(0).asText())
        .body(recorded.get("response_body").asText()).build());
    server.enqueue(json(Fixtures.bertInfo()));

    Model m = hub.models().get("bert-base-uncased");
    assertThat(m.id()).isEqualTo("google-bert/bert-base-uncased");
    assertThat(hub.models().get("google-bert/bert-base-uncased")).isSameAs(m);

    assertThat(take().getTarget()).isEqualTo("/api/models/bert-base-uncased");
    RecordedRequest followed = take();
    assertThat(followed.getTarget()).isEqualTo("/api/models/google-bert/bert-base-uncased");
    assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void missingModelIsNotFoundAndNotCached() throws Exception {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Error-Code", "RepoNotFound")
          .addHeader("Content-Type", "application/json").body("{\"error\":\"Repository not found\"}").build());
    }
    assertThatThrownBy(() -> hub.models().get("nobody/nothing")).isInstanceOf(RepositoryNotFoundException.class)
        .hasMessageContaining("nobody/nothing");
    assertThatThrownBy(() -> hub.models().get("nobody/nothing")).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void unreadableBodyIsAMalformedResponseNamingUrlStatusAndRequestId() {
    server.enqueue(json("{\"id\":\"a/b\",\"tags\":[\"x\"", "X-Request-Id", "Root=1-deadbeef"));
    assertThatThrownBy(() -> hub.models().get("a/b"))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.url()).isEqualTo(server.url("/api/models/a/b").toString());
          assertThat(e.requestId()).isEqualTo("Root=1-deadbeef");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test
  void listingPagesThroughLinksRebasedOntoTheEndpointAndResumesFromACursor() throws Exception {
    String query = "author=Qwen&sort=downloads&limit=12";
    server.enqueue(json(Fixtures.qwenPage(1), "Link",
        "<https://huggingface.co/api/models?" + query + "&cursor=Y3Vyc29yMg%3D%3D>; rel=\"next\""));
    server.enqueue(json(Fixtures.qwenPage(2), "Link",
        "<https://huggingface.co/api/models?" + query + "&cursor=Y3Vyc29yMw%3D%3D>; rel=\"next\""));
    server.enqueue(json(Fixtures.qwenPage(3)));
    ModelQuery q = ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(12).build();

    PagedIterable<Model> listing = hub.models().list(q);
    assertThat(server.getRequestCount()).isZero();
    Page<Model> first = listing.pages().iterator().next();
    assertThat(first.items()).hasSize(12);
    assertThat(first.nextCursor()).isEqualTo("Y3Vyc29yMg==");
    assertThat(server.getRequestCount()).isEqualTo(1);

    List<String> seen = new ArrayList<>();
    first.items().forEach(m -> seen.add(m.id()));
    hub.models().list(q.toBuilder().cursor(first.nextCursor()).build()).forEach(m -> seen.add(m.id()));
    assertThat(seen).hasSize(35).doesNotHaveDuplicates().allMatch(id -> id.startsWith("Qwen/"));

    RecordedRequest p1 = take();
    assertThat(p1.getTarget()).isEqualTo("/api/models?" + query);
    assertThat(p1.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(take().getTarget()).isEqualTo("/api/models?" + query + "&cursor=Y3Vyc29yMg%3D%3D");
    RecordedRequest p3 = take();
    assertThat(p3.getTarget()).isEqualTo("/api/models?" + query + "&cursor=Y3Vyc29yMw%3D%3D");
    assertThat(p3.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void mirrorUnderAPathPrefixKeepsItsPrefixForInfoAndNextLinks() throws Exception {
    server.enqueue(json(Fixtures.gpt2Info()));
    server.enqueue(json(Fixtures.qwenPage(1), "Link", "<https://huggingface.co/api/models?author=Qwen&cursor=c2>; "
        + "rel=\"next\""));
    server.enqueue(json(Fixtures.qwenPage(2)));
    try (HubClient mirror = client().endpoint(server.url("/hf/").toString()).build()) {
      assertThat(mirror.endpoint()).hasToString(server.url("/hf").toString());
      mirror.models().get("openai-community/gpt2");
      assertThat(mirror.models().list(ModelQuery.builder().author("Qwen").build()).stream().count()).isEqualTo(24);
    }
    assertThat(take().getTarget()).isEqualTo("/hf/api/models/openai-community/gpt2");
    assertThat(take().getTarget()).isEqualTo("/hf/api/models?author=Qwen");
    assertThat(take().getTarget()).isEqualTo("/hf/api/models?author=Qwen&cursor=c2");
  }

  @Test
  void streamLimitFetchesOnlyTheFirstPage() throws Exception {
    server.enqueue(json(Fixtures.qwenPage(1), "Link", "</api/models?cursor=next>; rel=\"next\""));
    assertThat(hub.models().list(ModelQuery.builder().author("Qwen").build()).stream().limit(5).toList()).hasSize(5);
    assertThat(take().getTarget()).isEqualTo("/api/models?author=Qwen");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void accountIsLookedUpAsOrganisationThenAsUser() throws Exception {
    server.enqueue(json(Fixtures.deepseekOverview()));
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"Organization not found\"}").build());
    server.enqueue(json(Fixtures.julienOverview()));

    Account deepseek = hub.accounts().get("deepseek-ai");
    Account user = hub.accounts().get("julien-c");
    assertThat(deepseek.type()).isEqualTo(AccountType.ORGANIZATION);
    assertThat(deepseek.fullName()).isEqualTo("DeepSeek");
    assertThat(deepseek.verified()).isTrue();
    assertThat(user.type()).isEqualTo(AccountType.USER);
    assertThat(user.name()).isEqualTo("julien-c");
    RecordedRequest org = take();
    assertThat(org.getTarget()).isEqualTo("/api/organizations/deepseek-ai/overview");
    assertThat(org.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(take().getTarget()).isEqualTo("/api/organizations/julien-c/overview");
    assertThat(take().getTarget()).isEqualTo("/api/users/julien-c/overview");
  }

  @Test
  void concurrentIdenticalLookupsMakeOneRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
        return json(Fixtures.gpt2Info());
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Thread> lookups = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(6);
    try {
      List<Future<Model>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> {
          lookups.add(Thread.currentThread());
          started.countDown();
          return hub.models().get("openai-community/gpt2");
        }));
      }
      // The first lookup has reached the server and is held there (its thread reads the socket); the other five
      // must be parked behind it, not merely not started yet, for the test to show that concurrent lookups share
      // one request.
      assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ConcurrentLookupTest.awaitParked(lookups, 6, 5)).as("five lookups waiting").isTrue();
      release.countDown();
      for (Future<Model> f : results) assertThat(f.get(10, TimeUnit.SECONDS).id()).isEqualTo("openai-community/gpt2");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(hub.cacheStats().requestCount()).isEqualTo(6);
  }

  @Test
  void offlineClientAnswersFromTheDiskCacheWithoutTheNetwork(@TempDir Path cache) throws Exception {
    server.enqueue(json(Fixtures.gpt2Info(), "ETag", "W/\"1144-0lLZ4rZ6fR3gbhjw06/nTxkknu0\""));
    try (HubClient online = client().diskCache(cache, 10_000_000).build()) {
      online.models().get("openai-community/gpt2");
    }
    try (HubClient offline = client().diskCache(cache, 10_000_000).offline(true).build()) {
      assertThat(offline.models().get("openai-community/gpt2").id()).isEqualTo("openai-community/gpt2");
      assertThatThrownBy(() -> offline.models().get("meta-llama/Llama-3.1-8B-Instruct"))
          .isInstanceOf(OfflineException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
