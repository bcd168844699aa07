package io.hubshare.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Which failures are worth another try, and how long to wait first. hubshare only sends GETs, which are safe to
 * repeat; the statuses are those the Hub's own Python client retries.
 */
public final class RetryPolicy {
  private final int maxRetries;
  private final Backoff backoff;
  private final Clock clock;
  private final Duration maxWait;

  /**
   * @param maxWait the longest wait the hub may ask for ({@code Retry-After}, a rate-limit reset) that is waited
   *     for; a longer one is not: the error reaches the caller, who can decide (a
   *     {@link io.hubshare.error.RateLimitedException} carries the wait)
   */
  RetryPolicy(int maxRetries, Backoff backoff, Clock clock, Duration maxWait) {
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.clock = clock;
    this.maxWait = maxWait;
  }

  /** The longest wait the hub may ask for that is waited for. */
  Duration maxWait() {
    return maxWait;
  }

  /** Retries after the first attempt. */
  int maxRetries() {
    return maxRetries;
  }

  /** 408, 429, 500, 502, 503 and 504: the hub or a proxy in front of it may answer otherwise next time. */
  static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * Connection refused or reset, timeouts, bodies cut short: all worth another try, except an interrupted thread,
   * which asks us to stop, and a host that cannot be reached at all before it ever answered: a name that does not
   * resolve or a port where nothing listens is a wrong address or a machine offline far more often than a hub
   * restarting, and waiting through the backoff only hides that. Once the host has answered, the same failures are
   * a passing fault (a resolver hiccup, a restart) and are retried.
   *
   * @param hostAnswered whether this host has sent a response before, to this transport
   */
  static boolean isRetryable(IOException e, boolean hostAnswered) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (!hostAnswered && isUnreachable(e)) {
      return false;
    }
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /** A name that does not resolve, or a connection refused (nothing listens, or no route to the host). */
  static boolean isUnreachable(IOException e) {
    return e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException;
  }

  /**
   * The wait before retry {@code retry} (0-based) after a response: the hub's {@code Retry-After}; for a 429
   * without one, its rate-limit reset; otherwise the backoff.
   *
   * @return the wait, or {@code null} when the hub asks for more than {@link #maxWait()}
   */
  @Nullable Duration waitAfter(int retry, Exchange response) {
    Duration asked = serverWait(response, clock);
    if (asked == null) {
      return backoff.delay(retry);
    }
    return asked.compareTo(maxWait) > 0 ? null : asked;
  }

  /** The wait before retry {@code retry} (0-based) after a transport failure. */
  Duration waitAfterFailure(int retry) {
    return backoff.delay(retry);
  }

  /** What the hub asked for: {@code Retry-After}, else on a 429 the rate-limit reset plus a margin. */
  public static @Nullable Duration serverWait(Exchange response, Clock clock) {
    String header = response.headers().get("Retry-After");
    if (header == null) header = response.headers().get(RetryAfterGuard.MOVED);
    Duration retryAfter = RetryAfter.parse(header, clock);
    if (retryAfter != null || response.status() != 429) {
      return retryAfter;
    }
    RateLimitHeader limit = RateLimitHeader.from(response.headers());
    return limit == null ? null : Durations.plus(limit.reset(), RateLimitPacer.MARGIN);
  }
}
