package io.hubshare.internal.transport;

import io.hubshare.internal.hf.HfProtocol;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** A {@link TransportConfig} for tests, changed one setting at a time. */
final class TestConfig {
  static final String TOKEN = "hf_TestSecretToken0123456789abcdefXYZ";
  static final String USER_AGENT = "hubshare/0.1.0-test (java 17)";

  HttpUrl endpoint;
  @Nullable String token = TOKEN;
  @Nullable OkHttpClient baseClient;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration readTimeout = Duration.ofSeconds(5);
  int maxRetries = 2;
  Duration initialBackoff = Duration.ofMillis(500);
  Duration maxBackoff = Duration.ofSeconds(8);
  Clock clock;
  Pause sleeper;
  @Nullable Path diskCacheDir;
  long diskCacheMaxBytes = 10L * 1024 * 1024;
  boolean offline;
  boolean paceRateLimit;
  String userAgent = USER_AGENT;
  Authorizer authorizer = Authorizer.BEARER;
  @Nullable ErrorMapper errors;

  TestConfig(HttpUrl endpoint, FakeClock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.sleeper = clock.sleeper();
  }

  TransportConfig build() {
    return new TransportConfig(endpoint, token, baseClient, connectTimeout, readTimeout, maxRetries, initialBackoff,
        maxBackoff, clock, sleeper, diskCacheDir, diskCacheMaxBytes, offline, paceRateLimit, userAgent, authorizer,
        errors != null ? errors : new HfProtocol().errors(endpoint, clock));
  }

  /** A transport without jitter, so waits are exact. */
  OkHttpTransport transport() {
    return new OkHttpTransport(build(), () -> 0.0);
  }
}
