package io.hubshare.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves forward by a fixed step each time it is read, so start and end times differ predictably. */
final class StepClock extends Clock {
  private Instant next;
  private final Duration step;

  StepClock(Instant start, Duration step) {
    this.next = start;
    this.step = step;
  }

  @Override
  public synchronized Instant instant() {
    Instant now = next;
    next = next.plus(step);
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
