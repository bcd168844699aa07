package io.hubshare.internal.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Everything the transport needs, resolved by {@link io.hubshare.HubClient.Builder}.
 *
 * @param endpoint the hub's base URL; the token is sent to this host only
 * @param token the bearer token, or {@code null} for anonymous access
 * @param baseClient an OkHttp client to derive from (sharing its pool), or {@code null} for a new one
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 * @param maxRetries retries after the first attempt (0 disables retrying)
 * @param initialBackoff the first backoff, doubled at each retry
 * @param maxBackoff the cap of a single backoff
 * @param clock the clock (rate-limit windows, {@code Retry-After} dates)
 * @param sleeper waits for backoff and pacing
 * @param diskCacheDir a directory for the HTTP cache that revalidates with {@code ETag}, or {@code null} for none
 * @param diskCacheMaxBytes the disk cache's size
 * @param offline answer from the disk cache only, never the network
 * @param paceRateLimit wait before a request when the last {@code RateLimit} header said the quota is spent
 * @param userAgent the {@code User-Agent}
 * @param authorizer how the hub wants the token (a bearer header, a cookie)
 * @param errors the hub's error mapping
 * @param limits the bounds of one call: the longest wait for the rate limit, the call's deadline, the largest body
 */
public record TransportConfig(
    HttpUrl endpoint,
    @Nullable String token,
    @Nullable OkHttpClient baseClient,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Clock clock,
    Pause sleeper,
    @Nullable Path diskCacheDir,
    long diskCacheMaxBytes,
    boolean offline,
    boolean paceRateLimit,
    String userAgent,
    Authorizer authorizer,
    ErrorMapper errors,
    Limits limits) {

  public TransportConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(authorizer, "authorizer");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(limits, "limits");
  }

  /** With the default {@link Limits}. */
  public TransportConfig(HttpUrl endpoint, @Nullable String token, @Nullable OkHttpClient baseClient,
      Duration connectTimeout, Duration readTimeout, int maxRetries, Duration initialBackoff, Duration maxBackoff,
      Clock clock, Pause sleeper, @Nullable Path diskCacheDir, long diskCacheMaxBytes, boolean offline,
      boolean paceRateLimit, String userAgent, Authorizer authorizer, ErrorMapper errors) {
    this(endpoint, token, baseClient, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff, clock,
        sleeper, diskCacheDir, diskCacheMaxBytes, offline, paceRateLimit, userAgent, authorizer, errors,
        Limits.DEFAULTS);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "TransportConfig[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "****")
        + ", maxRetries=" + maxRetries + ", offline=" + offline + ", diskCache=" + diskCacheDir + "]";
  }
}
