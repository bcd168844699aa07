package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.ServerErrorException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Case 1 and the first of case 13: waits the hub asks for are capped, and no duration arithmetic overflows. */
class HostilePacingTest extends HostileServerTest {




  @Test
  void aRateLimitResetOf31YearsFailsTheNextRequestAtOnceCarryingTheWait() {
    server.on("/api/models", json(page("a/one", "a/two")).addHeader("RateLimit", "\"api\";r=0;t=999999999").build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      hub.models().list(listing(2)).pages().iterator().next();
      Throwable second = catchThrowable(() -> hub.models().get("a/three"));

      assertThat(second).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) second).retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(999999999));
      assertThat(time.longestWait()).isLessThanOrEqualTo(Duration.ofMinutes(10));
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aRetryAfterOfLongMaxSecondsIsARateLimitCarryingTheWaitNotAnArithmeticError() {
    server.on("/api/models/a/b", new MockResponse.Builder().code(429)
        .addHeader("Retry-After", "9223372036854775807").body("{\"error\":\"slow down\"}").build());
    try (HubClient hub = Hostile.client(server, time).maxRetries(3).build()) {
      Throwable t = catchThrowable(() -> hub.models().get("a/b"));

      assertThat(t).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) t).retryAfter()).isGreaterThan(Duration.ofDays(365 * 1000L));
      assertThat(time.waits()).isEmpty();
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aRateLimitResetOfLongMaxSecondsIsARateLimitCarryingTheWaitNotAnArithmeticError() {
    server.on("/api/models/a/b", new MockResponse.Builder().code(429)
        .addHeader("RateLimit", "\"api\";r=0;t=9223372036854775807").body("{\"error\":\"slow down\"}").build());
    try (HubClient hub = Hostile.client(server, time).maxRetries(3).build()) {
      Throwable t = catchThrowable(() -> hub.models().get("a/b"));

      assertThat(t).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) t).retryAfter()).isGreaterThan(Duration.ofDays(365 * 1000L));
      assertThat(time.waits()).isEmpty();
    }
  }

  @Test
  void aFortyDigitRetryAfterOnA503IsAServerErrorNotANumberFormatException() {
    server.on("/api/models/a/b", new MockResponse.Builder().code(503)
        .addHeader("Retry-After", "1234567890123456789012345678901234567890").body("{\"error\":\"down\"}").build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> hub.models().get("a/b"));

      assertThat(t).isInstanceOf(ServerErrorException.class);
    }
  }

  @Test
  void aZeroRetryAfterOnA503IsRetriedByHubshareOnlyNotSilentlyByTheHttpClient() {
    server.on("/api/models/a/b", new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .body("{\"error\":\"down\"}").build());
    try (HubClient hub = Hostile.client(server, time).maxRetries(0).build()) {
      Throwable t = catchThrowable(() -> hub.models().get("a/b"));

      assertThat(t).isInstanceOf(ServerErrorException.class);
      assertThat(server.requestCount()).as("maxRetries(0) means one request").isEqualTo(1);
    }
  }
}
