package io.hubshare.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, and a sleeper that moves it: tests wait hours in no time. The transport's tests
 * take its {@link #sleeper()} as a {@link Pause}; a client's, as a {@code Sleeper} ({@code clock.sleeper()::sleep}).
 */
public final class FakeClock extends Clock {
  public static final Instant START = Instant.parse("2026-08-03T09:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /**
   * Records each wait and moves the clock to the wait's end. Threads that sleep at once overlap as they would in
   * real time: the clock reaches the latest end, not the sum.
   */
  public Pause sleeper() {
    return d -> {
      waits.add(d);
      Instant end = now.get().plus(d);
      now.updateAndGet(t -> t.isBefore(end) ? end : t);
    };
  }

  /** Every wait so far, in order. */
  public List<Duration> waits() {
    synchronized (waits) {
      return List.copyOf(waits);
    }
  }

  /** The longest wait so far, zero when none. */
  public Duration longestWait() {
    return waits().stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
