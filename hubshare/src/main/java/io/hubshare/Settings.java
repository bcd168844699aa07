package io.hubshare;

import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.internal.transport.Limits;
import io.hubshare.internal.transport.Transport;
import io.hubshare.internal.transport.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The builder's settings other than those discovered from the environment (see {@link ClientConfig}), frozen when
 * a client is built. Also keeps them for {@link HubClient#toBuilder()}.
 */
record Settings(
    HubProtocol protocol,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration cacheTtl,
    long cacheMaximumSize,
    boolean cacheListPages,
    @Nullable Path diskCacheDir,
    long diskCacheMaxBytes,
    boolean paceRateLimit,
    @Nullable OkHttpClient okHttpClient,
    Clock clock,
    Sleeper sleeper,
    Function<TransportConfig, Transport> transportFactory,
    OriginRegistry origins,
    Limits limits) {

  /**
   * Sent as {@code User-Agent}, so the hub's operators can tell hubshare's traffic apart, and which release sent it:
   * {@code hubshare/0.1.0 (Java 17)}.
   */
  static final String USER_AGENT = "hubshare/" + version() + " (Java " + Runtime.version().feature() + ")";

  /** What the transport needs, from these settings and the discovered configuration. */
  TransportConfig transportConfig(ClientConfig config) {
    return new TransportConfig(config.endpoint(), config.token(), okHttpClient, connectTimeout, readTimeout,
        maxRetries, initialBackoff, maxBackoff, clock, sleeper::sleep, diskCacheDir, diskCacheMaxBytes,
        config.offline(), paceRateLimit, USER_AGENT, protocol.authorizer(), protocol.errors(config.endpoint(), clock),
        limits);
  }

  /**
   * The project's version, from {@code version.properties} beside this class, which Maven fills in at build time
   * (the manifest is no help: a shaded jar, or classes run from a directory, carry none of hubshare's).
   */
  static String version() {
    try (InputStream in = Settings.class.getResourceAsStream("version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").strip();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
