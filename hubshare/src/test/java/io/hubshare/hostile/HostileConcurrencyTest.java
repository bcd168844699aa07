package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.HubClient;
import io.hubshare.error.RepositoryNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Case 5: many threads sharing one client neither overrun a quota they do not know yet nor repeat a failure. */
class HostileConcurrencyTest extends HostileServerTest {
  private static final int THREADS = 32;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  /** Runs {@code perThread} lookups on each of the threads, all released at once; returns what each threw. */
  private List<Throwable> concurrently(int perThread, LookUp lookUp) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Throwable>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        go.await();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          try {
            lookUp.run(thread, i);
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
        return failures;
      }));
    }
    go.countDown();
    List<Throwable> all = new ArrayList<>();
    for (Future<List<Throwable>> f : futures) all.addAll(f.get(60, TimeUnit.SECONDS));
    return all;
  }

  @FunctionalInterface
  private interface LookUp {
    void run(int thread, int i);
  }

  /**
   * A token whose quota another process has nearly spent: 5 requests left in a 300 s window, as the hub says in
   * {@code RateLimit} on every answer, 429 beyond.
   */
  private AtomicInteger nearlySpentQuota() {
    AtomicInteger tooMany = new AtomicInteger();
    Object lock = new Object();
    int[] left = {5};
    Instant[] reset = {time.instant().plus(Duration.ofSeconds(300))};
    server.on("/api/models/", (RecordedRequest r) -> {
      synchronized (lock) {
        Instant now = time.instant();
        if (!now.isBefore(reset[0])) {
          left[0] = 500;
          reset[0] = now.plus(Duration.ofSeconds(300));
        }
        long t = Duration.between(now, reset[0]).toSeconds();
        if (left[0] == 0) {
          tooMany.incrementAndGet();
          return new MockResponse.Builder().code(429).addHeader("RateLimit", "\"api\";r=0;t=" + t)
              .addHeader("Retry-After", t + 1).body("{\"error\":\"rate limited\"}").build();
        }
        left[0]--;
        String id = r.getUrl().encodedPath().substring("/api/models/".length());
        return json(model(id, 1)).addHeader("RateLimit", "\"api\";r=" + left[0] + ";t=" + t)
            .addHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300").build();
      }
    });
    return tooMany;
  }

  @Test
  void thirtyTwoThreadsUnderAQuotaTheyDoNotKnowYetMeetNo429() throws Exception {
    AtomicInteger tooMany = nearlySpentQuota();
    try (HubClient hub = Hostile.client(server, time).maxRetries(3).build()) {
      List<Throwable> failures = concurrently(2, (thread, i) -> hub.models().get("org/model-" + thread + "-" + i));

      System.out.println("64 lookups by 32 threads under a nearly spent quota: " + tooMany.get() + " answers 429, "
          + server.requestCount() + " requests, longest wait " + time.longestWait().toSeconds() + " s");
      assertThat(failures).isEmpty();
      assertThat(tooMany.get()).as("429 answers").isZero();
      assertThat(server.requestCount()).isEqualTo(THREADS * 2);
      assertThat(time.longestWait()).isLessThanOrEqualTo(Duration.ofSeconds(302));
    }
  }

  @Test
  void aMissingModelLookedUpByThirtyTwoThreadsSharesEachFailureWithTheLookupsThatWaitedForIt() throws Exception {
    server.on("/api/models/a/missing", new MockResponse.Builder().code(404)
        .headersDelay(20, TimeUnit.MILLISECONDS).addHeader("X-Error-Code", "RepoNotFound")
        .body("{\"error\":\"Repository not found\"}").build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      long started = System.nanoTime();
      List<Throwable> failures = concurrently(40, (thread, i) -> hub.models().get("a/missing"));
      long ms = (System.nanoTime() - started) / 1_000_000;

      System.out.println("1,280 lookups of a missing model by 32 threads: " + server.requestCount() + " requests, "
          + ms + " ms");
      assertThat(failures).hasSize(THREADS * 40).allMatch(t -> t instanceof RepositoryNotFoundException);
      assertThat(server.requestCount()).as("requests for 1,280 lookups").isLessThan(THREADS * 40 / 8);
      assertThat(ms).isLessThan(15_000);
    }
  }
}
