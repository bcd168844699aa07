package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final FakeClock clock = new FakeClock(); // 2026-08-03T09:00:00Z

  @Test
  void readsSeconds() {
    assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateAgainstTheClock() {
    assertThat(RetryAfter.parse("Mon, 03 Aug 2026 09:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Mon, 03 Aug 2026 08:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("", clock)).isNull();
    assertThat(RetryAfter.parse("-5", clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
  }

  @Test
  void moreDigitsThanALongHoldsIsTheLongestWaitNotAnError() {
    assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(RetryAfter.parse("9223372036854775807", clock)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(RetryAfter.parse("9223372036854775806", clock)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE - 1));
    assertThat(RetryAfter.parse("0000000000000000000000120", clock)).isEqualTo(Duration.ofSeconds(120));
  }
}
