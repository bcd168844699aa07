package io.hubshare.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A hub that enforces its quota the way the Hub documents it: a fixed window of {@code window} starting at the first
 * request, {@code quota} requests in it, 429 with {@code Retry-After} beyond, and {@code RateLimit} /
 * {@code RateLimit-Policy} headers on every response. Its time is the test's fake clock, which the transport's
 * sleeper moves; each request also moves it by {@code latency}.
 */
final class QuotaDispatcher extends Dispatcher {
  private final int quota;
  private final Duration window;
  private final Duration latency;
  private final FakeClock clock;

  // Guarded by this.
  private Instant windowStart;
  private int used;
  private int tooMany;
  private final List<RecordedRequest> requests = new ArrayList<>();

  QuotaDispatcher(int quota, Duration window, Duration latency, FakeClock clock) {
    this.quota = quota;
    this.window = window;
    this.latency = latency;
    this.clock = clock;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    clock.advance(latency);
    Instant now = clock.instant();
    if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
      windowStart = now;
      used = 0;
    }
    // Whole seconds, rounded down like the Hub's header.
    long reset = Duration.between(now, windowStart.plus(window)).toSeconds();
    String policy = "\"fixed window\";\"api\";q=" + quota + ";w=" + window.toSeconds();
    if (used >= quota) {
      tooMany++;
      return new MockResponse.Builder().code(429)
          .addHeader("RateLimit", "\"api\";r=0;t=" + reset)
          .addHeader("RateLimit-Policy", policy)
          .addHeader("Retry-After", reset + 1)
          .body("{\"error\":\"You have exceeded our rate limit for api requests.\"}").build();
    }
    used++;
    return new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("RateLimit", "\"api\";r=" + (quota - used) + ";t=" + reset)
        .addHeader("RateLimit-Policy", policy)
        .body("[{\"_id\":\"" + Long.toHexString(requests.size()) + "\",\"id\":\"org/model-" + requests.size() + "\"}]")
        .build();
  }

  /** How many requests were refused with 429. */
  synchronized int tooMany() {
    return tooMany;
  }

  /** Every request received, in order. */
  synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }
}
