package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.ERRORS;
import static io.hubshare.internal.transport.HubFixtures.INTERACTIONS;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static io.hubshare.internal.transport.HubFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the transport logs through System.Logger, captured by a java.util.logging handler. */
class LoggingTest extends LocalServerTest {
  private LogCapture log;

  @BeforeEach
  void capture() {
    log = new LogCapture();
  }

  @AfterEach
  void release() {
    log.close();
  }

  private HubRequest info(String id) {
    return new HubRequest(server.url("/api/models/" + id), HubRequest.Kind.MODEL_INFO, id, null);
  }

  @Test
  void logsEachAttemptAndEachRetryAtDebug() throws Exception {
    server.enqueue(response(recorded(ERRORS, 5))); // 503, model loading
    server.enqueue(response(recorded(INTERACTIONS, 1)));
    try (OkHttpTransport transport = config.transport()) {
      transport.get(info("google-bert/bert-base-uncased"));
    }
    assertThat(log.lines()).hasSize(3);
    assertThat(log.lines().get(0))
        .matches("FINE GET /api/models/google-bert/bert-base-uncased -> 503 \\(\\d+ ms, attempt 1/3\\)");
    assertThat(log.lines().get(1))
        .isEqualTo("FINE retrying GET /api/models/google-bert/bert-base-uncased in 500 ms after HTTP 503");
    assertThat(log.lines().get(2))
        .matches("FINE GET /api/models/google-bert/bert-base-uncased -> 200 \\(\\d+ ms, attempt 2/3\\)");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestConfig.TOKEN);
  }

  @Test
  void logsTransportFailuresWithTheirCause() throws Exception {
    server.enqueue(new MockResponse.Builder().body("[1,2,3,4,5,6,7,8,9,10]")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("[]").build());
    try (OkHttpTransport transport = config.transport()) {
      assertThat(transport.get(info("a/b")).body()).isEqualTo("[]");
    }
    assertThat(log.lines().get(0))
        .matches("FINE GET /api/models/a/b -> \\w*Exception: .* \\(\\d+ ms, attempt 1/3\\)");
    assertThat(log.lines().get(1)).startsWith("FINE retrying GET /api/models/a/b in 500 ms after ");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void logsRateLimitWaits() throws Exception {
    config.paceRateLimit = true;
    server.enqueue(new MockResponse.Builder().body("[]").addHeader("RateLimit", "\"api\";r=0;t=60").build());
    server.enqueue(new MockResponse.Builder().body("[]").build());
    try (OkHttpTransport transport = config.transport()) {
      transport.get(info("a/b"));
      transport.get(info("a/c"));
    }
    assertThat(log.lines()).contains("FINE rate limit: quota spent, waiting 61000 ms for the window to reset");
    assertThat(clock.waits()).containsExactly(java.time.Duration.ofSeconds(61));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/models/a/b");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/models/a/c");
  }

  @Test
  void theTokenNeverAppearsInLogsOrErrors() throws Exception {
    MockWebServer elsewhere = NoDelayServerSockets.server();
    elsewhere.start();
    try (elsewhere) {
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere.url("/api/models/x/y"))
          .build());
      elsewhere.enqueue(response(recorded(INTERACTIONS, 1)));
      server.enqueue(response(recorded(ERRORS, 0))); // 401: not found or private
      server.enqueue(new MockResponse.Builder().code(400)
          .body("{\"error\":\"bad token " + TestConfig.TOKEN + "\"}").build());
      Throwable notFound;
      Throwable badRequest;
      try (OkHttpTransport transport = config.transport()) {
        transport.get(info("renamed/model"));
        notFound = catchThrowable(() -> transport.get(info("private/model")));
        badRequest = catchThrowable(() -> transport.get(info("echo/token")));
        assertThat(transport.toString()).doesNotContain(TestConfig.TOKEN).contains("token=****");
      }
      assertThat(log.lines()).hasSizeGreaterThanOrEqualTo(4)
          .allSatisfy(line -> assertThat(line).doesNotContain(TestConfig.TOKEN));
      assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("FINE following HTTP 307"));
      assertThat(notFound.toString()).doesNotContain(TestConfig.TOKEN);
      assertThat(badRequest.toString()).doesNotContain(TestConfig.TOKEN).contains("****");
      RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
      assertThat(elsewhere.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }
  }
}
