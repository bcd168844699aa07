package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.INTERACTIONS;
import static io.hubshare.internal.transport.HubFixtures.header;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static io.hubshare.internal.transport.HubFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.TransportException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAndRedirectTest extends LocalServerTest {
  // Recorded: 307 bert-base-uncased -> google-bert/bert-base-uncased, then its 200 (2025-01-22).
  private static final JsonNode RENAME = recorded(INTERACTIONS, 0);
  private static final JsonNode RENAMED_INFO = recorded(INTERACTIONS, 1);
  // Recorded: the same kind of rename with ?expand=inferenceProviderMapping kept in the Location.
  private static final JsonNode RENAME_WITH_QUERY = recorded(INTERACTIONS, 2);
  private static final JsonNode RENAMED_WITH_QUERY = recorded(INTERACTIONS, 3);

  private final MockWebServer otherHost = NoDelayServerSockets.server();

  @BeforeEach
  void startOtherHost() throws Exception {
    otherHost.start();
  }

  @AfterEach
  void stopOtherHost() {
    otherHost.close();
  }

  private static HubRequest info(HttpUrl url, String id) {
    return new HubRequest(url, HubRequest.Kind.MODEL_INFO, id, null);
  }

  private RecordedRequest take(MockWebServer s) throws InterruptedException {
    RecordedRequest request = s.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request sent").isNotNull();
    return request;
  }

  @Test
  void sendsTheTokenAndUserAgentToTheEndpoint() throws Exception {
    server.enqueue(response(RENAMED_INFO));
    try (OkHttpTransport transport = config.transport()) {
      HubResponse got = transport.get(info(server.url("/api/models/google-bert/bert-base-uncased"),
          "google-bert/bert-base-uncased"));

      assertThat(got.status()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(RENAMED_INFO.path("response_body").asText());
      assertThat(got.requestId()).isEqualTo(header(RENAMED_INFO, "X-Request-Id"));
      assertThat(got.fromCache()).isFalse();
    }
    RecordedRequest sent = take(server);
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/models/google-bert/bert-base-uncased");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
    assertThat(sent.getHeaders().get("User-Agent")).isEqualTo(TestConfig.USER_AGENT);
  }

  @Test
  void anonymousRequestsCarryNoAuthorization() throws Exception {
    config.token = null;
    server.enqueue(response(RENAMED_INFO));
    try (OkHttpTransport transport = config.transport()) {
      assertThat(transport.get(info(server.url("/api/models/google-bert/bert-base-uncased"), "x")).status())
          .isEqualTo(200);
    }
    RecordedRequest sent = take(server);
    assertThat(sent.getHeaders().get("Authorization")).isNull();
    assertThat(sent.getHeaders().get("User-Agent")).isEqualTo(TestConfig.USER_AGENT);
  }

  @Test
  void followsTheRelative307OfARenamedRepositoryAndReportsTheFinalUrl() throws Exception {
    server.enqueue(response(RENAME));
    server.enqueue(response(RENAMED_INFO));
    try (OkHttpTransport transport = config.transport()) {
      HubResponse got = transport.get(info(server.url("/api/models/bert-base-uncased"), "bert-base-uncased"));

      assertThat(got.url()).isEqualTo(server.url("/api/models/google-bert/bert-base-uncased"));
      assertThat(got.body()).contains("\"id\":\"google-bert/bert-base-uncased\"");
      assertThat(got.requestId()).isEqualTo(header(RENAMED_INFO, "X-Request-Id"));
    }
    RecordedRequest first = take(server);
    RecordedRequest second = take(server);
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/models/bert-base-uncased");
    assertThat(second.getUrl().encodedPath()).isEqualTo(header(RENAME, "Location"));
    // Same host: the token goes along on both hops.
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
  }

  @Test
  void aRenameKeepsTheQueryOfItsLocation() throws Exception {
    server.enqueue(response(RENAME_WITH_QUERY));
    server.enqueue(response(RENAMED_WITH_QUERY));
    try (OkHttpTransport transport = config.transport()) {
      HubResponse got = transport.get(info(
          server.url("/api/models/meta-llama/Meta-Llama-3.1-8B-Instruct?expand=inferenceProviderMapping"),
          "meta-llama/Meta-Llama-3.1-8B-Instruct"));

      assertThat(got.url().encodedPath()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct");
      assertThat(got.url().queryParameter("expand")).isEqualTo("inferenceProviderMapping");
      assertThat(got.body()).isEqualTo(RENAMED_WITH_QUERY.path("response_body").asText());
    }
    take(server);
    assertThat(take(server).getTarget())
        .isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct?expand=inferenceProviderMapping");
  }

  @Test
  void aRedirectToAnotherHostNeverCarriesTheToken() throws Exception {
    // Same host name, other port: another origin all the same.
    server.enqueue(new MockResponse.Builder().code(307)
        .addHeader("Location", otherHost.url("/api/models/google-bert/bert-base-uncased")).build());
    otherHost.enqueue(response(RENAMED_INFO));
    try (OkHttpTransport transport = config.transport()) {
      HubResponse got = transport.get(info(server.url("/api/models/bert-base-uncased"), "bert-base-uncased"));
      assertThat(got.url()).isEqualTo(otherHost.url("/api/models/google-bert/bert-base-uncased"));
    }
    assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
    RecordedRequest elsewhere = take(otherHost);
    assertThat(elsewhere.getHeaders().get("Authorization")).isNull();
    assertThat(elsewhere.getHeaders().get("User-Agent")).isEqualTo(TestConfig.USER_AGENT);
  }

  @Test
  void aRedirectLoopFailsClearly() throws Exception {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/api/models/b/b").build());
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/api/models/a/a").build());
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info(server.url("/api/models/a/a"), "a/a")))
          .isInstanceOf(TransportException.class)
          .hasMessage("redirect loop: /api/models/a/a -> /api/models/b/b -> /api/models/a/a");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/models/a/a");
    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/models/b/b");
  }

  @Test
  void stopsAfterFiveRedirects() throws Exception {
    for (int i = 1; i <= 6; i++) {
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/api/models/o/m" + i).build());
    }
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info(server.url("/api/models/o/m0"), "o/m0")))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("more than 5 redirects: /api/models/o/m0 -> /api/models/o/m1");
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/models/o/m0");
  }

  @Test
  void aRedirectWithoutLocationIsMalformed() throws Exception {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("X-Request-Id", "req-1").build());
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info(server.url("/api/models/a/b"), "a/b")))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(307);
            assertThat(e.requestId()).isEqualTo("req-1");
            assertThat(e).hasMessageContaining("has no Location header");
          });
    }
    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/models/a/b");
  }
}
