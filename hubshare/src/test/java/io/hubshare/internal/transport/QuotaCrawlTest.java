package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.error.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A long crawl against a hub that enforces a quota: paced, it never meets a 429. */
class QuotaCrawlTest extends LocalServerTest {
  private static final int QUOTA = 100;
  private static final Duration WINDOW = Duration.ofSeconds(300);
  private static final int PAGES = 300;

  private final QuotaDispatcher hub = new QuotaDispatcher(QUOTA, WINDOW, Duration.ofMillis(40), clock);

  @BeforeEach
  void serveTheQuota() {
    server.setDispatcher(hub);
    config.paceRateLimit = true;
  }

  private HubRequest page(int n) {
    return new HubRequest(server.url("/api/models?limit=100&cursor=page" + n), HubRequest.Kind.MODEL_LIST, null, null);
  }

  private void assertEveryPageSentOnceWithTheToken() {
    List<RecordedRequest> sent = hub.requests();
    Set<String> cursors = sent.stream().map(r -> r.getUrl().queryParameter("cursor")).collect(Collectors.toSet());
    assertThat(cursors).hasSize(PAGES);
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/api/models");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
    });
  }

  @Test
  void aPacedCrawlOfThreeHundredPagesMeetsNoTooManyRequests() {
    try (OkHttpTransport transport = config.transport()) {
      for (int n = 0; n < PAGES; n++) {
        HubResponse got = transport.get(page(n));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).startsWith("[{\"_id\":");
      }
    }
    assertThat(hub.tooMany()).isZero();
    assertThat(hub.requests()).hasSize(PAGES);
    assertEveryPageSentOnceWithTheToken();
    // Three windows' worth of requests: the crawl spans at least the two resets between them, and not much more.
    Duration elapsed = Duration.between(FakeClock.START, clock.instant());
    assertThat(elapsed).isBetween(WINDOW.multipliedBy(2), WINDOW.multipliedBy(3));
    // The low end of each window was spread out, and the spent quota waited for the reset.
    assertThat(clock.waits()).anySatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40)));
  }

  @Test
  void aPacedCrawlOnThreeThreadsMeetsNoTooManyRequests() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (OkHttpTransport transport = config.transport()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int first = t * (PAGES / 3);
        results.add(threads.submit(() -> {
          int ok = 0;
          for (int n = first; n < first + PAGES / 3; n++) {
            ok += transport.get(page(n)).status() == 200 ? 1 : 0;
          }
          return ok;
        }));
      }
      int ok = 0;
      for (Future<Integer> result : results) {
        ok += result.get();
      }
      assertThat(ok).isEqualTo(PAGES);
    } finally {
      threads.shutdownNow();
    }
    assertThat(hub.tooMany()).isZero();
    assertThat(hub.requests()).hasSize(PAGES);
    assertEveryPageSentOnceWithTheToken();
  }

  @Test
  void withoutPacingTheSameCrawlMeetsTheQuota() {
    config.paceRateLimit = false;
    config.maxRetries = 0;
    try (OkHttpTransport transport = config.transport()) {
      for (int n = 0; n < QUOTA; n++) {
        transport.get(page(n));
      }
      assertThatThrownBy(() -> transport.get(page(QUOTA)))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(290), Duration.ofSeconds(301));
            assertThat(e).hasMessageContaining("quota 100 requests per 300 s");
          });
    }
    assertThat(hub.tooMany()).isEqualTo(1);
  }

  @Test
  void withoutPacingRetriesStillGetThroughAfterTheWait() {
    config.paceRateLimit = false;
    try (OkHttpTransport transport = config.transport()) {
      for (int n = 0; n <= QUOTA; n++) {
        assertThat(transport.get(page(n)).status()).isEqualTo(200);
      }
    }
    // The 101st page met a 429 and waited its Retry-After, a whole window less what the first 100 took.
    assertThat(hub.tooMany()).isEqualTo(1);
    assertThat(clock.waits()).hasSize(1);
    assertThat(clock.waits().get(0)).isBetween(Duration.ofSeconds(290), Duration.ofSeconds(301));
  }
}
