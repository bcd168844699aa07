package io.hubshare.internal.transport;

import okhttp3.CacheControl;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Builds each GET, hop by hop: the {@code User-Agent} always, the token only to the configured endpoint's own
 * scheme, host and port. Because every redirect hop is built here afresh, a rename that points to another host (a
 * CDN, a mirror) never receives the token.
 */
final class RequestFactory {
  private final HttpUrl endpoint;
  private final @Nullable String token;
  private final Authorizer authorizer;
  private final String userAgent;

  RequestFactory(HttpUrl endpoint, @Nullable String token, String userAgent, Authorizer authorizer) {
    this.authorizer = authorizer;
    this.endpoint = endpoint;
    this.token = token;
    this.userAgent = userAgent;
  }

  /** A GET that may use the network (and revalidates through the disk cache when there is one). */
  Request online(HttpUrl url) {
    return builder(url).build();
  }

  /** A GET answered from the disk cache only: OkHttp answers 504 rather than touch the network. */
  /** A GET that bypasses the disk cache: a cached body turned out unreadable. */
  Request network(HttpUrl url) {
    // no-cache: sent unconditionally to the network; the fresh response replaces what the cache held.
    return builder(url).cacheControl(CacheControl.FORCE_NETWORK).build();
  }

  /** A GET answered from the disk cache only: OkHttp answers 504 rather than touch the network. */
  Request offline(HttpUrl url) {
    return builder(url).cacheControl(CacheControl.FORCE_CACHE).build();
  }

  /** Whether the token goes to {@code url}: same scheme, host and port as the endpoint. */
  boolean sendsTokenTo(HttpUrl url) {
    return token != null
        && url.scheme().equals(endpoint.scheme())
        && url.host().equalsIgnoreCase(endpoint.host())
        && url.port() == endpoint.port();
  }

  private Request.Builder builder(HttpUrl url) {
    Request.Builder builder = new Request.Builder().url(url).get().header("User-Agent", userAgent);
    if (sendsTokenTo(url)) {
      authorizer.authorize(builder, url, token);
    }
    return builder;
  }
}
