package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPacerTest {
  private final FakeClock clock = new FakeClock();
  private final RateLimitPacer pacer = new RateLimitPacer(clock);

  private void observe(long remaining, long resetSeconds) {
    pacer.observe(
        new RateLimitHeader("api", remaining, Duration.ofSeconds(resetSeconds), 500, Duration.ofSeconds(300)));
  }

  @Test
  void nothingKnownMeansNoWait() {
    assertThat(pacer.reserve()).isZero();
  }

  @Test
  void plentyLeftMeansNoWait() {
    observe(400, 200);
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isZero();
  }

  @Test
  void aSpentQuotaWaitsForTheResetAndAMargin() {
    observe(0, 60);
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(61));
    // Another thread asking meanwhile waits for the same reset.
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(61));
    clock.advance(Duration.ofSeconds(61));
    assertThat(pacer.reserve()).as("the window is over").isZero();
  }

  @Test
  void aLowRemainderIsSpreadOverTheTimeLeft() {
    observe(10, 100); // 10 left of 500: low
    assertThat(pacer.reserve()).isZero();
    // The next ones come every 10 s, whichever thread asks.
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(10));
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void reservationsCountDownBeforeResponsesArrive() {
    observe(2, 100);
    pacer.reserve();
    pacer.reserve();
    // Both requests are in flight: a third must wait for the reset, though no response said r=0 yet.
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(101));
  }

  @Test
  void aLateResponseOfTheSameWindowDoesNotRaiseTheCount() {
    observe(60, 100);
    for (int i = 0; i < 60; i++) {
      pacer.reserve();
    }
    observe(59, 100); // the answer to the first of those 60
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(101));
  }

  @Test
  void aNewWindowStartsAfresh() {
    observe(0, 5);
    clock.advance(Duration.ofSeconds(6));
    observe(499, 300);
    assertThat(pacer.reserve()).isZero();
  }
}
