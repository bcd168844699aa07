package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.internal.hf.Mutations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of what the transport reads from a hub's headers and error bodies, a few seconds in every test run:
 * {@code RateLimit}, {@code Retry-After} and error bodies never throw, and every wait they give is a duration that
 * saturates rather than overflows.
 */
class HeaderFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-03T09:00:00Z"), ZoneOffset.UTC);

  @Provide
  Arbitrary<String> rateLimits() {
    return Arbitraries.oneOf(Mutations.of(List.of("\"api\";r=489;t=187", "\"api\";r=0;t=9223372036854775807",
        "\"a\";r=1;t=2, \"b\";r=0;t=999999999", "\"fixed window\";\"api\";q=500;w=300")),
        Arbitraries.strings().ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> retryAfters() {
    return Arbitraries.oneOf(Mutations.of(List.of("120", "9223372036854775807", "0",
        "Wed, 21 Oct 2026 07:28:00 GMT", "1234567890123456789012345678901234567890")),
        Arbitraries.strings().numeric().ofMaxLength(60), Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> errorBodies() {
    return Arbitraries.oneOf(Mutations.of(List.of("{\"error\":\"Invalid username or password.\"}",
        "{\"error\":[\"a\",\"b\"]}", "{\"error\":\"invalid_token\",\"error_description\":\"expired\"}",
        "{\"errors\":[{\"message\":\"x\"}]}", "<html><title>502 Bad Gateway</title></html>")),
        Arbitraries.strings().ofMaxLength(200));
  }

  @Property(tries = 500)
  void rateLimitHeadersNeverThrowAndGiveNonNegativeWaits(@ForAll("rateLimits") String rateLimit,
      @ForAll("rateLimits") String policy) {
    RateLimitHeader h = RateLimitHeader.parse(rateLimit, policy);
    if (h != null) {
      assertThat(h.reset()).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(Durations.plus(h.reset(), RateLimitPacer.MARGIN)).isGreaterThanOrEqualTo(h.reset());
      RateLimitPacer pacer = new RateLimitPacer(CLOCK);
      pacer.observe(h);
      assertThat(pacer.reserve()).isGreaterThanOrEqualTo(Duration.ZERO);
    }
  }

  @Property(tries = 500)
  void retryAfterNeverThrows(@ForAll("retryAfters") String value) {
    Duration d = RetryAfter.parse(value, CLOCK);
    if (d != null) {
      assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(Durations.ceilSeconds(d)).isGreaterThanOrEqualTo(0);
      Durations.describe(d);
      Durations.millis(d);
    }
  }

  @Property(tries = 300)
  void errorBodiesNeverThrowAndStayShort(@ForAll("errorBodies") String body, @ForAll("errorBodies") String header) {
    String m = ErrorBody.message(header, null, body);
    assertThat(m.length()).isLessThanOrEqualTo(ErrorBody.MAX_LENGTH);
  }
}
