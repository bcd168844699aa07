package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shares over a live listing, which the library reads itself (a few fields per model, the next page read ahead),
 * keep every bound the listing's iterator keeps: the body's size, the call's deadline, the token masked, next links
 * checked and kept on the endpoint, cycles refused.
 */
class HostileLiveSharesTest extends HostileServerTest {
  private static final Shares BY_ACCOUNT = Shares.by(Dimension.ACCOUNT);

  private String next(String cursor) {
    return "<" + server.endpoint() + "/api/models?limit=2&cursor=" + cursor + ">; rel=\"next\"";
  }

  @Test
  void aBodyDrippingOneByteAtATimeEndsAtTheCallDeadline() {
    server.on("/api/models", HostileServer.drip(page("a/one", "a/two"), Duration.ofMillis(100)));
    try (HubClient hub = Hostile.client(server, time).readTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofMillis(800)).build()) {
      long started = System.nanoTime();
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));
      long ms = (System.nanoTime() - started) / 1_000_000;

      assertThat(t).isInstanceOf(TransportException.class).hasMessageContaining("800 ms");
      assertThat(ms).isLessThan(3_000);
    }
  }

  @Test
  void anEndlessBodyIsCutAtTheBodyBound() {
    server.on("/api/models", HostileServer.endlessChunked());
    try (HubClient hub = Hostile.client(server, time).maxBodySize(1 << 20).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("1 MiB");
    }
  }

  @Test
  void aPageReadAheadIsCutAtTheBodyBoundToo() {
    server.on("/api/models?limit=2", json(page("a/one", "a/two")).addHeader("Link", next("B")).build());
    server.on("/api/models?limit=2&cursor=B", HostileServer.endlessChunked());
    try (HubClient hub = Hostile.client(server, time).maxBodySize(1 << 20).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("1 MiB");
    }
  }

  @Test
  void aParseErrorQuotingTheTokenAndALinkCarryingItAreMasked() {
    server.on("/api/models?limit=2", json(page("a/one", "a/two"))
        .addHeader("Link", "</api/models?limit=2&cursor=" + Hostile.TOKEN + ">; rel=\"next\"").build());
    server.on("/api/models?limit=2&cursor=", json("[" + Hostile.TOKEN + "]").build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class);
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(Hostile.TOKEN);
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(Hostile.TOKEN);
        if (c instanceof HubException h) assertThat(String.valueOf(h.url())).doesNotContain(Hostile.TOKEN);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"<file:///etc/passwd>; rel=\"next\"", "<javascript:alert(1)>; rel=\"next\"",
      "<http://[::1>; rel=\"next\"", "<ftp://example.com/api/models?cursor=x>; rel=\"next\"", "<>; rel=\"next\"",
      "garbage; rel=\"next\""})
  void aNextLinkThatIsNoHttpUrlIsAMalformedResponseAndNothingIsReadAhead(String link) {
    server.on("/api/models", json(page("a/one", "a/two")).addHeader("Link", link).build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("Link");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aNextLinkToAnotherHostIsReadAheadFromTheEndpointWithTheToken() {
    server.on("/api/models?limit=2", json(page("a/one", "a/two"))
        .addHeader("Link", "<https://elsewhere.example/api/models?limit=2&cursor=B>; rel=\"next\"").build());
    server.on("/api/models?limit=2&cursor=B", json(page("a/three")).build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      ShareTable t = BY_ACCOUNT.compute(hub.models().list(listing(2)));

      assertThat(t.counts().seen()).isEqualTo(3);
      assertThat(server.requests()).hasSize(2);
      assertThat(server.requests().get(1).getTarget()).isEqualTo("/api/models?limit=2&cursor=B");
      assertThat(server.requests().get(1).getHeaders().get("Authorization")).isEqualTo("Bearer " + Hostile.TOKEN);
    }
  }

  @Test
  void aCursorThatCyclesIsAMalformedResponseWithoutAskingForAPageTwice() {
    server.on("/api/models?limit=2", json(page("a/one", "a/two")).addHeader("Link", next("B")).build());
    server.on("/api/models?limit=2&cursor=B", json(page("a/three", "a/four")).addHeader("Link", next("A")).build());
    server.on("/api/models?limit=2&cursor=A", json(page("a/one", "a/two")).addHeader("Link", next("B")).build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("cycle");
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void underAQuotaTheListingReadAheadIsPacedAndMeetsNoTooManyRequests() {
    int quota = 20;
    Duration window = Duration.ofSeconds(300);
    int pages = 100;
    java.time.Instant start = time.instant();
    int[] used = {0};
    int[] tooMany = {0};
    java.time.Instant[] windowStart = {null};
    server.on("/api/models", r -> {
      synchronized (used) {
        java.time.Instant now = time.instant();
        if (windowStart[0] == null || !now.isBefore(windowStart[0].plus(window))) {
          windowStart[0] = now;
          used[0] = 0;
        }
        long reset = Duration.between(now, windowStart[0].plus(window)).toSeconds();
        String policy = "\"fixed window\";\"api\";q=" + quota + ";w=" + window.toSeconds();
        if (used[0] >= quota) {
          tooMany[0]++;
          return new mockwebserver3.MockResponse.Builder().code(429).addHeader("RateLimit", "\"api\";r=0;t=" + reset)
              .addHeader("RateLimit-Policy", policy).addHeader("Retry-After", reset + 1)
              .body("{\"error\":\"rate limited\"}").build();
        }
        used[0]++;
        String cursor = r.getUrl().queryParameter("cursor");
        int n = cursor == null ? 0 : Integer.parseInt(cursor);
        var page = json(page("a/m" + (2 * n), "a/m" + (2 * n + 1)))
            .addHeader("RateLimit", "\"api\";r=" + (quota - used[0]) + ";t=" + reset).addHeader("RateLimit-Policy", policy);
        if (n + 1 < pages) page.addHeader("Link", next(Integer.toString(n + 1)));
        return page.build();
      }
    });
    try (HubClient hub = Hostile.client(server, time).build()) {
      ShareTable t = BY_ACCOUNT.compute(hub.models().list(listing(2)));

      assertThat(t.counts().seen()).isEqualTo(2L * pages);
    }
    assertThat(tooMany[0]).isZero();
    assertThat(server.requestCount()).isEqualTo(pages);
    // Five windows' worth of requests: the four resets between them waited for, and not much more.
    Duration elapsed = Duration.between(start, time.instant());
    assertThat(elapsed).isBetween(window.multipliedBy(4), window.multipliedBy(5));
  }

  @Test
  void freshCursorsOverPagesThatBringNoNewIdsEnd() {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    server.on("/api/models", r -> json(page("a/one", "A/ONE")).addHeader("Link", next("c" + n.incrementAndGet()))
        .build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> BY_ACCOUNT.compute(hub.models().list(listing(2))));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("no new");
      // Ten pages without a new id, and at most the one read ahead of the last.
      assertThat(server.requestCount()).isLessThanOrEqualTo(12);
    }
  }
}
