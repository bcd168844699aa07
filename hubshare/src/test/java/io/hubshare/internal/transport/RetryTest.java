package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.ERRORS;
import static io.hubshare.internal.transport.HubFixtures.INTERACTIONS;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static io.hubshare.internal.transport.HubFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.BadRequestException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.TransportException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends LocalServerTest {
  private static final JsonNode MODEL_INFO = recorded(INTERACTIONS, 1);
  private static final String BODY = MODEL_INFO.path("response_body").asText();
  // Recorded: 503 {"error":"Model ... is currently loading","estimated_time":53.37}
  private static final JsonNode LOADING_503 = recorded(ERRORS, 5);

  private HubRequest info() {
    return new HubRequest(server.url("/api/models/google-bert/bert-base-uncased"), HubRequest.Kind.MODEL_INFO,
        "google-bert/bert-base-uncased", null);
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\":\"try again\"}").build();
  }

  private void assertAllSentTo(String path, int count) throws InterruptedException {
    assertThat(server.getRequestCount()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent.getMethod()).isEqualTo("GET");
      assertThat(sent.getUrl().encodedPath()).isEqualTo(path);
      assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
    }
  }

  /**
   * Answers one model-info request with {@code failure} and then the recorded body, and checks that the transport
   * waited {@code wait} once, sent the request twice and returned the body.
   */
  private void assertRetriedOnceAfter(MockResponse failure, Duration wait) throws InterruptedException {
    server.enqueue(failure);
    server.enqueue(response(MODEL_INFO));
    try (OkHttpTransport transport = config.transport()) {
      HubResponse got = transport.get(info());
      assertThat(got.status()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(BODY);
    }
    assertThat(clock.waits()).containsExactly(wait);
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 2);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesRetryableStatusesThenSucceeds(int code) throws Exception {
    assertRetriedOnceAfter(status(code), Duration.ofMillis(500));
  }

  @Test
  void backoffDoublesUpToItsCap() throws Exception {
    config.maxRetries = 5;
    config.initialBackoff = Duration.ofSeconds(1);
    config.maxBackoff = Duration.ofSeconds(4);
    for (int i = 0; i < 5; i++) {
      server.enqueue(response(LOADING_503));
    }
    server.enqueue(response(MODEL_INFO));
    try (OkHttpTransport transport = config.transport()) {
      assertThat(transport.get(info()).body()).isEqualTo(BODY);
    }
    assertThat(clock.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 6);
  }

  @Test
  void jitterShortensEachWaitByAtMostAQuarter() throws Exception {
    config.maxRetries = 3;
    server.enqueue(response(LOADING_503));
    server.enqueue(response(LOADING_503));
    server.enqueue(response(LOADING_503));
    server.enqueue(response(MODEL_INFO));
    try (OkHttpTransport transport = new OkHttpTransport(config.build(), () -> 0.6)) {
      transport.get(info());
    }
    // 0.5, 1, 2 s shortened by 0.25 * 0.6 = 15 %.
    assertThat(clock.waits()).containsExactly(Duration.ofMillis(425), Duration.ofMillis(850), Duration.ofMillis(1700));
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 4);
  }

  @Test
  void theDefaultJitterStaysWithinItsBounds() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(3000), Duration.ofSeconds(4));
    }
  }

  @Test
  void givesUpAfterMaxRetriesWithTheLastError() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(response(LOADING_503));
    }
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info()))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e).hasMessage("the hub failed: HTTP 503 for GET /api/models/google-bert/bert-base-uncased"
                + " after 3 attempts: Model dbmdz/bert-large-cased-finetuned-conll03-english is currently loading");
          });
    }
    assertThat(clock.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 3);
  }

  @Test
  void zeroRetriesSendsOnce() throws Exception {
    config.maxRetries = 0;
    server.enqueue(response(LOADING_503));
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info())).isInstanceOf(ServerErrorException.class);
    }
    assertThat(clock.waits()).isEmpty();
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 1);
  }

  @Test
  void otherClientErrorsAreNotRetried() throws Exception {
    server.enqueue(status(400));
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info())).isInstanceOf(BadRequestException.class);
    }
    assertThat(clock.waits()).isEmpty();
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 1);
  }

  @Test
  void honoursRetryAfterInSeconds() throws Exception {
    assertRetriedOnceAfter(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build(),
        Duration.ofSeconds(7));
  }

  @Test
  void honoursRetryAfterAsAnHttpDateAgainstTheClock() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        FakeClock.START.plusSeconds(30).atZone(ZoneOffset.UTC));
    assertRetriedOnceAfter(new MockResponse.Builder().code(503).addHeader("Retry-After", date).build(),
        Duration.ofSeconds(30));
  }

  @Test
  void aTooManyRequestsWithoutRetryAfterWaitsForTheRateLimitReset() throws Exception {
    assertRetriedOnceAfter(new MockResponse.Builder().code(429).addHeader("RateLimit", "\"api\";r=0;t=42").build(),
        Duration.ofSeconds(43));
  }

  @Test
  void aRetryAfterBeyondTenMinutesIsLeftToTheCaller() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info()))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
    }
    assertThat(clock.waits()).isEmpty();
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 1);
  }

  @Test
  void aBodyCutShortIsRetried() throws Exception {
    assertRetriedOnceAfter(
        new MockResponse.Builder().body(BODY).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build(),
        Duration.ofMillis(500));
  }

  @Test
  void aConnectionClosedBeforeTheResponseIsRetried() throws Exception {
    assertRetriedOnceAfter(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
        Duration.ofMillis(500));
  }

  @Test
  void aReadTimeoutIsRetried() throws Exception {
    config.readTimeout = Duration.ofMillis(200);
    assertRetriedOnceAfter(new MockResponse.Builder().body(BODY).headersDelay(2, TimeUnit.SECONDS).build(),
        Duration.ofMillis(500));
  }

  @Test
  void readTimeoutsThatLastBecomeATransportException() throws Exception {
    config.readTimeout = Duration.ofMillis(100);
    config.maxRetries = 1;
    server.enqueue(new MockResponse.Builder().body(BODY).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(new MockResponse.Builder().body(BODY).headersDelay(2, TimeUnit.SECONDS).build());
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.statusCode()).isZero();
            assertThat(e.url()).isEqualTo(info().url().toString());
            assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("failed after 2 attempts: SocketTimeoutException");
          });
    }
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 2);
  }

  @Test
  void aRefusedConnectionIsRetriedUntilTheHubIsBack() throws Exception {
    int port = server.getPort();
    HttpUrl url = server.url("/api/models/google-bert/bert-base-uncased");
    server.enqueue(response(MODEL_INFO));
    try (MockWebServer back = new MockWebServer()) {
      back.enqueue(response(MODEL_INFO));
      config.sleeper = wait -> {
        clock.sleeper().sleep(wait);
        if (!back.getStarted()) {
          try {
            back.start(port); // the hub comes back during the backoff
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
      try (OkHttpTransport transport = config.transport()) {
        HubRequest request = new HubRequest(url, HubRequest.Kind.MODEL_INFO, "google-bert/bert-base-uncased", null);
        transport.get(request); // the hub has answered once: a refusal now is a restart, worth waiting for
        server.close();
        HubResponse got = transport.get(request);
        assertThat(got.body()).isEqualTo(BODY);
      }
      assertThat(clock.waits()).containsExactly(Duration.ofMillis(500));
      RecordedRequest sent = back.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/models/google-bert/bert-base-uncased");
      assertThat(back.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionThatStaysRefusedAfterTheHubAnsweredBecomesATransportException() throws Exception {
    HttpUrl url = server.url("/api/models/a/b");
    server.enqueue(response(MODEL_INFO));
    try (OkHttpTransport transport = config.transport()) {
      transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null));
      server.close();
      assertThatThrownBy(() -> transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null)))
          .isInstanceOf(TransportException.class)
          .hasCauseInstanceOf(ConnectException.class)
          .hasMessage("cannot connect to " + url.host() + ":" + url.port() + " (Connection refused): GET " + url
              + " failed after 3 attempts");
    }
    assertThat(clock.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aPortWhereNothingListensFailsAtOnceNamingItAndTheFullUrl() {
    HttpUrl url = server.url("/api/models/a/b?expand=downloads");
    server.close();
    long started = System.nanoTime();
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null)))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.url()).isEqualTo(url.toString()))
          .hasCauseInstanceOf(ConnectException.class)
          .hasMessage("cannot connect to " + url.host() + ":" + url.port() + " (Connection refused): GET " + url
              + " failed");
    }
    assertThat(clock.waits()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void anUnknownHostFailsAtOnceSayingSoWithTheFullUrl() {
    config.baseClient = new OkHttpClient.Builder().dns(host -> {
      throw new UnknownHostException(host + ": Name or service not known");
    }).build();
    HttpUrl url = HttpUrl.get("https://no-such-hub.invalid/api/models/a/b?expand=downloads");
    long started = System.nanoTime();
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null)))
          .isInstanceOf(TransportException.class)
          .hasCauseInstanceOf(UnknownHostException.class)
          .hasMessage("cannot resolve no-such-hub.invalid (offline?): GET "
              + "https://no-such-hub.invalid/api/models/a/b?expand=downloads failed");
    }
    assertThat(clock.waits()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aNameThatStopsResolvingAfterTheHubAnsweredIsRetried() throws Exception {
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    config.baseClient = new OkHttpClient.Builder().dns(host -> {
      if (lookups.incrementAndGet() == 2) throw new UnknownHostException(host); // a resolver hiccup
      return Dns.SYSTEM.lookup("127.0.0.1");
    }).connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    HttpUrl url = server.url("/api/models/a/b").newBuilder().host("hub.test").build();
    server.enqueue(response(MODEL_INFO));
    server.enqueue(response(MODEL_INFO));
    try (OkHttpTransport transport = config.transport()) {
      transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null));
      assertThat(transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, "a/b", null)).body()).isEqualTo(BODY);
    }
    assertThat(lookups).hasValue(3);
    assertThat(clock.waits()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void anInterruptedWaitStopsRetrying() throws Exception {
    server.enqueue(response(LOADING_503));
    server.enqueue(response(MODEL_INFO));
    config.sleeper = wait -> {
      throw new InterruptedException();
    };
    try (OkHttpTransport transport = config.transport()) {
      assertThatThrownBy(() -> transport.get(info()))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("interrupted while waiting");
      assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
    }
    assertAllSentTo("/api/models/google-bert/bert-base-uncased", 1);
  }
}
