package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.HubClient;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.UnauthorizedException;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code HubClient.builder().hub(Hub.MODELSCOPE)} over real HTTP against the hand-written exchanges: what is sent
 * (path, query, bearer or cookie) and what comes back.
 */
class ModelScopeClientTest {
  private static final String TOKEN = "ms-ClientTestToken-0123456789";
  private static final String QWEN = "Qwen/Qwen2.5-7B-Instruct";
  private final MockWebServer server = new MockWebServer();
  private final List<Duration> waits = new ArrayList<>();
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
    return HubClient.builder().hub(Hub.MODELSCOPE).endpoint(server.url("/").toString()).token(TOKEN)
        .environment(Map.of()).maxRetries(0).sleeper(waits::add);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void oneModelComesFromTheOpenApiWithTheBearerToken() throws Exception {
    server.enqueue(MsFixtures.response("model-openapi-qwen2.5-7b-instruct"));
    Model m = hub.models().get(QWEN);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/openapi/v1/models/Qwen/Qwen2.5-7B-Instruct");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("Cookie")).isNull();

    assertThat(m.hub()).isEqualTo(Hub.MODELSCOPE);
    assertThat(m.id()).isEqualTo(QWEN);
    assertThat(m.author()).isEqualTo("Qwen");
    assertThat(m.downloads().allTime()).isEqualTo(4_820_113L);
    assertThat(m.downloads().last30Days()).as("ModelScope has no 30-day count").isNull();
    assertThat(m.downloads().likes()).isEqualTo(612L);
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2024-09-18T09:11:02Z"));
    assertThat(m.lastModified()).isEqualTo(Instant.parse("2025-01-12T03:40:55Z"));
    assertThat(m.pipelineTag()).isEqualTo("text-generation");
    assertThat(m.license()).isEqualTo("Apache License 2.0");
    assertThat(m.tags()).containsExactly("chat", "qwen2.5");
    assertThat(m.gating()).isEqualTo(Gating.OPEN);
    assertThat(m.isPrivate()).isFalse();
    assertThat(m.baseModels()).as("the OpenAPI body carries no card").isEmpty();
    assertThat(m.rawJson()).isEqualTo(MsFixtures.data("model-openapi-qwen2.5-7b-instruct"));
    assertThat(m.toString()).startsWith("Model[modelscope:Qwen/Qwen2.5-7B-Instruct");
  }

  @Test
  void anAnswerNamingAnotherModelIsAMalformedResponseNotThatModel() {
    // A poisoned cache or a confused mirror: the body is a well-formed model, but not the one asked for.
    server.enqueue(MsFixtures.response("model-openapi-qwen2.5-7b-instruct"));
    assertThatThrownBy(() -> hub.models().get("moonshotai/Kimi-K3"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("asked for model 'moonshotai/Kimi-K3', the hub answered with '" + QWEN + "'");
  }

  @Test
  void aModelTheOpenApiDoesNotKnowIsAskedOfTheLegacyApiWithTheSessionCookie() throws Exception {
    server.enqueue(MsFixtures.response("not-found-openapi-404"));
    server.enqueue(MsFixtures.response("model-legacy-qwen2.5-7b-instruct"));
    Model m = hub.models().get(QWEN);

    assertThat(take().getTarget()).isEqualTo("/openapi/v1/models/Qwen/Qwen2.5-7B-Instruct");
    RecordedRequest legacy = take();
    assertThat(legacy.getTarget()).isEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct");
    assertThat(legacy.getHeaders().get("Cookie")).isEqualTo("m_session_id=" + TOKEN);
    assertThat(legacy.getHeaders().get("Authorization")).isNull();

    assertThat(m.id()).isEqualTo(QWEN);
    assertThat(m.downloads().allTime()).isEqualTo(4_820_113L);
    assertThat(m.downloads().likes()).as("legacy Stars").isEqualTo(612L);
    assertThat(m.createdAt()).as("CreatedTime in epoch seconds").isEqualTo(Instant.parse("2024-09-18T09:11:02Z"));
    assertThat(m.lastModified()).isEqualTo(Instant.parse("2025-01-12T03:40:55Z"));
    assertThat(m.pipelineTag()).isEqualTo("text-generation");
    assertThat(m.isPrivate()).as("Visibility 5").isFalse();
    assertThat(m.baseModels()).as("from the card's YAML header")
        .containsExactly(new BaseModel("Qwen/Qwen2.5-7B", Relation.FINETUNE));
    assertThat(m.rawJson()).isEqualTo(MsFixtures.data("model-legacy-qwen2.5-7b-instruct")).contains("Organization");
  }

  @Test
  void aNotExistSaidInChineseWithHttp200AlsoFallsBackToTheLegacyApi() throws Exception {
    server.enqueue(MsFixtures.response("not-found-openapi-http-200"));
    server.enqueue(MsFixtures.response("model-legacy-qwen2.5-7b-instruct"));
    assertThat(hub.models().get(QWEN).baseModels()).hasSize(1);
    assertThat(take().getTarget()).startsWith("/openapi/");
    assertThat(take().getTarget()).startsWith("/api/v1/");
  }

  @Test
  void aModelNeitherApiKnowsIsNotFoundEvenWhenTheLegacyApiSaysSoWithHttp200() throws Exception {
    server.enqueue(MsFixtures.response("not-found-openapi-404"));
    server.enqueue(MsFixtures.response("not-found-legacy-http-200"));
    assertThatThrownBy(() -> hub.models().get("nobody/no-such-model"))
        .isInstanceOfSatisfying(RepositoryNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.errorCode()).isEqualTo("10010205001");
          assertThat(e.requestId()).isEqualTo("5b7e2d90-8c1f-4e3a-a6d2-0f9b8c7d6e54");
          assertThat(e.url()).endsWith("/api/v1/models/nobody/no-such-model");
        })
        .hasMessageContaining("model 'nobody/no-such-model' not found")
        .hasMessageContaining("模型不存在 (model does not exist)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRevisionAndTheCardAreReadFromTheLegacyApi() throws Exception {
    server.enqueue(MsFixtures.response("model-legacy-qwen2.5-7b-instruct"));
    server.enqueue(MsFixtures.response("model-legacy-qwen2.5-7b-instruct"));
    hub.models().get(QWEN, "v1.0");
    Model card = hub.models().get(QWEN, null, "baseModels");
    assertThat(take().getTarget()).isEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct?Revision=v1.0");
    assertThat(take().getTarget()).isEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct");
    assertThat(card.baseModels()).extracting(BaseModel::id).containsExactly("Qwen/Qwen2.5-7B");
  }

  @Test
  void misuseFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> hub.models().get(QWEN, null, "safetensors"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field 'safetensors'");
    assertThatThrownBy(() -> hub.models().get("gpt2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner/name");
    assertThatThrownBy(() -> hub.models().list(ModelQuery.builder().sort(ModelSort.TRENDING_SCORE).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sort by trendingScore");
    assertThatThrownBy(() -> hub.models().list(ModelQuery.builder().baseModel(QWEN, null).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no lineage");
    assertThatThrownBy(() -> hub.accounts().get("Qwen")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("no account API");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aListingIsPagedByPageNumberWithAVisibleCursorAndTheHubsTotal() throws Exception {
    for (int n = 1; n <= 3; n++) server.enqueue(MsFixtures.response("list-qwen-by-downloads-page-" + n));
    ModelQuery q = ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(2).build();
    List<Page<Model>> pages = new ArrayList<>();
    hub.models().list(q).pages().forEach(pages::add);

    for (int n = 1; n <= 3; n++) {
      RecordedRequest r = take();
      assertThat(r.getTarget()).isEqualTo("/openapi/v1/models?owner=Qwen&sort=downloads&page_number=" + n
          + "&page_size=2");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
    assertThat(pages).extracting(Page::nextCursor)
        .containsExactly("page_number=2&page_size=2", "page_number=3&page_size=2", null);
    assertThat(pages).extracting(Page::total).containsOnly(5L);
    List<Model> models = pages.stream().flatMap(p -> p.items().stream()).toList();
    assertThat(models).extracting(Model::id).containsExactly("Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-0.5B",
        "Qwen/Qwen3-8B", "Qwen/Qwen2-VL-7B-Instruct", "Qwen/QwQ-32B");
    assertThat(models).allMatch(m -> m.hub().equals(Hub.MODELSCOPE) && m.downloads().last30Days() == null);
    Model qwen3 = models.get(2);
    assertThat(qwen3.createdAt()).as("epoch milliseconds").isEqualTo(Instant.parse("2025-04-29T04:20:00Z"));
    assertThat(models.get(1).createdAt()).as("epoch seconds").isEqualTo(Instant.parse("2024-09-18T09:11:02Z"));
    assertThat(models.get(3).pipelineTag()).as("the first of two tasks").isEqualTo("image-text-to-text");
    assertThat(models.get(3).rawJson()).contains("visual-question-answering").startsWith("{\"id\":");
  }

  @Test
  void aListingResumesAtTheCursorAPageGave() throws Exception {
    server.enqueue(MsFixtures.response("list-qwen-by-downloads-page-3"));
    ModelQuery q = ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).cursor("page_number=3&page_size=2")
        .build();
    assertThat(hub.models().list(q).stream().map(Model::id).toList()).containsExactly("Qwen/QwQ-32B");
    assertThat(take().getTarget()).isEqualTo("/openapi/v1/models?owner=Qwen&sort=downloads&page_number=3"
        + "&page_size=2");
    assertThatThrownBy(() -> hub.models().list(q.toBuilder().cursor("abc").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ModelScope cursor");
    assertThatThrownBy(() -> hub.models().list(q.toBuilder().cursor("page_number=61&page_size=50").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the first 3000");
  }

  @Test
  void filtersTravelAsTheSdkSendsThemAndLargePagesAreCutTo50() throws Exception {
    server.enqueue(MsFixtures.response("list-empty"));
    ModelQuery q = ModelQuery.builder().search("llama 3").author("LLM-Research").pipelineTag("text-generation")
        .library("transformers").license("apache-2.0").filter("chat").sort(ModelSort.LAST_MODIFIED).pageSize(1000)
        .build();
    assertThat(hub.models().list(q).stream().toList()).isEmpty();
    assertThat(take().getTarget()).isEqualTo("/openapi/v1/models?search=llama%203&owner=LLM-Research"
        + "&sort=last_modified&filter.task=text-generation&filter.library=transformers&filter.license=apache-2.0"
        + "&filter.custom_tag=chat&page_number=1&page_size=50");
  }

  @Test
  void aRateLimitIsWaitedOutAsRetryAfterSays() throws Exception {
    server.enqueue(MsFixtures.response("rate-limited-429"));
    server.enqueue(MsFixtures.response("list-qwen-by-downloads-page-1"));
    try (HubClient retrying = client().maxRetries(2).build()) {
      Page<Model> first = retrying.models().list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS)
          .pageSize(2).build()).pages().iterator().next();
      assertThat(first.items()).hasSize(2);
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesSaysHowLongToWait() {
    server.enqueue(MsFixtures.response("rate-limited-429"));
    Iterator<Model> it = hub.models().list(ModelQuery.builder().author("Qwen").build()).iterator();
    assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
      assertThat(e.requestId()).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    }).hasMessageContaining("Too many requests");
  }

  @Test
  void aRefusedTokenNamesTheVariableAndNeverTheToken() {
    server.enqueue(MsFixtures.response("unauthorized-openapi-401"));
    assertThatThrownBy(() -> hub.models().get(QWEN)).isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("MODELSCOPE_API_TOKEN").hasMessageContaining("expired or revoked")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void notLoggedInWithHttp200IsARefusal() {
    server.enqueue(MsFixtures.response("not-logged-in-legacy-http-200"));
    assertThatThrownBy(() -> hub.models().get("Qwen/private-model", "master"))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(200))
        .hasMessageContaining("用户未登录 (user not logged in)").hasMessageContaining("MODELSCOPE_API_TOKEN");
  }

  @Test
  void aForbiddenModelAskedWithoutATokenIsNotFoundOrPrivate() throws Exception {
    server.enqueue(MsFixtures.response("forbidden-legacy-403"));
    try (HubClient anonymous = client().anonymous().build()) {
      assertThatThrownBy(() -> anonymous.models().get("Qwen/private-model", "master"))
          .isInstanceOfSatisfying(RepositoryNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.requestId()).as("the legacy body's RequestId").isEqualTo("e1d2c3b4-a5f6-4789-8a9b-0c1d2e3f4a5b");
          })
          .hasMessageContaining("not found (or private");
    }
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Cookie")).isNull();
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aServerErrorIsReportedWithThePagesTitle() {
    server.enqueue(MsFixtures.response("server-error-503"));
    assertThatThrownBy(() -> hub.models().list(ModelQuery.builder().build()).iterator().hasNext())
        .isInstanceOf(ServerErrorException.class).hasMessageContaining("503 Service Temporarily Unavailable");
  }

  @Test
  void theTokenNeverFollowsARedirectToAnotherHost() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(MsFixtures.response("model-legacy-qwen2.5-7b-instruct"));
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", elsewhere.url("/api/v1/models/Qwen/Qwen2.5-7B-Instruct").toString()).build());
      // Another port is another origin: the token stays with the endpoint.
      hub.models().get(QWEN, "master");
      RecordedRequest there = elsewhere.takeRequest(5, TimeUnit.SECONDS);
      assertThat(there).isNotNull();
      assertThat(there.getHeaders().get("Cookie")).isNull();
      assertThat(there.getHeaders().get("Authorization")).isNull();
      assertThat(take().getHeaders().get("Cookie")).isEqualTo("m_session_id=" + TOKEN);
    }
  }
}
