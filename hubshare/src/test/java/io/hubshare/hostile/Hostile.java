package io.hubshare.hostile;

import io.hubshare.HubClient;
import io.hubshare.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** What every hostile test shares: a token, a fake clock whose sleeper records waits, and a client builder. */
final class Hostile {
  static final String TOKEN = "hf_HostileSecret0123456789abcdefGHIJ";

  private Hostile() {}

  /** A client of {@code server}, with the test token, a fake clock and no retries unless asked. */
  static HubClient.Builder client(HostileServer server, FakeTime time) {
    return HubClient.builder().environment(Map.of()).systemProperties(Map.of()).endpoint(server.endpoint())
        .token(TOKEN).clock(time).sleeper(time.sleeper()).maxRetries(0);
  }

  /** A clock that moves only when a wait moves it, recording every wait. */
  static final class FakeTime extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-08-03T09:00:00Z"));
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

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    Sleeper sleeper() {
      return d -> {
        waits.add(d);
        Instant end = now.get().plus(d);
        now.updateAndGet(t -> t.isBefore(end) ? end : t);
      };
    }

    List<Duration> waits() {
      synchronized (waits) {
        return List.copyOf(waits);
      }
    }

    Duration longestWait() {
      return waits().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }
}
