package io.hubshare.internal.transport;

import java.time.Duration;

/** Waits for backoff and pacing; the client hands in its {@code Sleeper}, so tests record waits instead. */
@FunctionalInterface
public interface Pause {
  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
