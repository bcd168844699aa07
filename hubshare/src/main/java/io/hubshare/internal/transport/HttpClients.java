package io.hubshare.internal.transport;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client for each URL. A transport that builds its own client for a plain {@code http://} endpoint (a
 * mirror, a stand-in hub on loopback) starts it without TLS: setting TLS up reads the platform's trust store, some
 * 150 ms at start, which a listing over plain HTTP never needs. Should a request go to an {@code https://} URL all
 * the same (a redirect), a sibling with TLS is built then, once, sharing the first's connection pool, threads and
 * disk cache.
 */
final class HttpClients {
  private final OkHttpClient client;
  private final boolean cleartextOnly;
  private volatile @Nullable OkHttpClient withTls;

  private HttpClients(OkHttpClient client, boolean cleartextOnly) {
    this.client = client;
    this.cleartextOnly = cleartextOnly;
  }

  /** Clients for a transport whose own client is built by {@code builder}; {@code endpoint} decides about TLS. */
  static HttpClients build(OkHttpClient.Builder builder, HttpUrl endpoint, boolean ownsClient) {
    boolean cleartextOnly = ownsClient && !endpoint.isHttps();
    if (cleartextOnly) builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    return new HttpClients(builder.build(), cleartextOnly);
  }

  /** The client built first: its pool, threads and cache are every sibling's. */
  OkHttpClient main() {
    return client;
  }

  /** The client to send a request for {@code url} with. */
  OkHttpClient forUrl(HttpUrl url) {
    if (!cleartextOnly || !url.isHttps()) return client;
    OkHttpClient tls = withTls;
    if (tls == null) {
      synchronized (this) {
        tls = withTls;
        if (tls == null) {
          tls = client.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
              .build();
          withTls = tls;
        }
      }
    }
    return tls;
  }
}
