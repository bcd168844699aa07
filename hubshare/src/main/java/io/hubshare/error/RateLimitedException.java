package io.hubshare.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The hub answered 429 and retries ran out. {@link #retryAfter()} tells how long the hub asked to wait. */
public class RateLimitedException extends HubException {
  private final @Nullable Duration retryAfter;

  public RateLimitedException(String message, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Duration retryAfter) {
    super(message, 429, errorCode, requestId, url, null);
    this.retryAfter = retryAfter;
  }

  /** The wait the hub asked for ({@code Retry-After}, else the rate-limit reset), or {@code null} if it gave none. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
