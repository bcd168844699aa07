package io.hubshare;

import java.time.Duration;

/**
 * Waits between retries and to pace requests under the hub's rate limit. Tests inject one that returns at once
 * and records the waits; the default sleeps the current thread.
 */
@FunctionalInterface
public interface Sleeper {
  /** The sleeper that blocks the current thread. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
