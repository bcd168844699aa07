package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeaderTest {

  @Test
  void readsTheHubsHeaders() {
    RateLimitHeader h = RateLimitHeader.parse("\"api\";r=489;t=187", "\"fixed window\";\"api\";q=500;w=300");
    assertThat(h).isEqualTo(new RateLimitHeader("api", 489, Duration.ofSeconds(187), 500, Duration.ofSeconds(300)));
  }

  @Test
  void thePolicyIsOptional() {
    RateLimitHeader h = RateLimitHeader.parse("\"api\";r=0;t=12", null);
    assertThat(h).isEqualTo(new RateLimitHeader("api", 0, Duration.ofSeconds(12), -1, null));
  }

  @Test
  void ofSeveralBucketsTheOneWithLeastLeftWins() {
    RateLimitHeader h = RateLimitHeader.parse("\"api\";r=400;t=100, \"resolvers\";r=3;t=50",
        "\"fixed window\";\"api\";q=500;w=300, \"fixed window\";\"resolvers\";q=3000;w=300");
    assertThat(h).isEqualTo(new RateLimitHeader("resolvers", 3, Duration.ofSeconds(50), 3000,
        Duration.ofSeconds(300)));
  }

  @Test
  void toleratesSpacesCaseAndUnknownParameters() {
    RateLimitHeader h = RateLimitHeader.parse(" \"api\" ; R=5 ; t = 9 ; foo=bar", null);
    assertThat(h).isNotNull();
    assertThat(h.remaining()).isEqualTo(5);
    assertThat(h.reset()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void unreadableHeadersAreIgnored() {
    assertThat(RateLimitHeader.parse(null, "\"fixed window\";\"api\";q=500;w=300")).isNull();
    assertThat(RateLimitHeader.parse("\"api\";r=abc;t=10", null)).isNull();
    assertThat(RateLimitHeader.parse("\"api\";t=10", null)).isNull();
    assertThat(RateLimitHeader.parse("", null)).isNull();
  }
}
