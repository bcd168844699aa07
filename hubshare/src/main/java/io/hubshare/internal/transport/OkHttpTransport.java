package io.hubshare.internal.transport;

import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.OfflineException;
import io.hubshare.error.TransportException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Cache;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Transport} over OkHttp: GETs to one hub with the token (to the hub's own host only), renames followed,
 * retries with capped exponential backoff and {@code Retry-After}, pacing under the hub's {@code RateLimit}, ETag
 * revalidation through a disk cache, an offline mode, and failures mapped to {@link io.hubshare.error.HubException}
 * subclasses.
 *
 * <p>Thread-safe; one instance serves a whole client. Every request is logged at DEBUG to the
 * {@code io.hubshare.transport} {@link System.Logger} (method, path, status, time, attempt), without the token.
 *
 * <pre>{@code
 * try (Transport transport = new OkHttpTransport(config)) {
 *   HubResponse info = transport.get(
 *       new HubRequest(url, HubRequest.Kind.MODEL_INFO, "google-bert/bert-base-uncased", null));
 * }
 * }</pre>
 */
public final class OkHttpTransport implements Transport {
  private static final System.Logger LOG = System.getLogger("io.hubshare.transport");

  private final TransportConfig config;
  private final OkHttpClient client;
  private final HttpClients clients;
  private final @Nullable Cache ownCache;
  private final boolean ownsClient;
  private final RequestFactory requests;
  private final RetryLoop retryLoop;
  private final ErrorMapper errors;
  private final Redactor redactor;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Builds the transport; nothing is sent until the first {@link #get}.
   *
   * @param config the resolved configuration; a {@code baseClient} in it is derived from (sharing its connection
   *     pool and threads) and left open by {@link #close()}
   * @throws IllegalArgumentException when a setting is out of range (negative timeout or retries, blank user agent…)
   */
  public OkHttpTransport(TransportConfig config) {
    this(config, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** With a jitter source, so that tests can assert exact backoff waits. */
  OkHttpTransport(TransportConfig config, DoubleSupplier jitter) {
    TransportConfigCheck.validate(config);
    this.config = config;
    this.ownsClient = config.baseClient() == null;
    OkHttpClient.Builder builder = ownsClient ? new OkHttpClient.Builder() : config.baseClient().newBuilder();
    // Redirects and retries are ours: each hop decides whether the token goes along, and OkHttp's own silent
    // retries (a 408, a failed connection) would bypass maxRetries and the Sleeper.
    builder.followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        // One deadline for the whole call, body included: a read timeout alone never ends a body that drips.
        .callTimeout(config.limits().callTimeout())
        .addNetworkInterceptor(new RetryAfterGuard());
    if (config.diskCacheDir() != null) {
      this.ownCache = new Cache(config.diskCacheDir().toFile(), config.diskCacheMaxBytes());
      builder.cache(ownCache);
    } else {
      this.ownCache = null;
    }
    this.clients = HttpClients.build(builder, config.endpoint(), ownsClient);
    this.client = clients.main();
    this.requests = new RequestFactory(config.endpoint(), config.token(), config.userAgent(), config.authorizer());
    this.redactor = Redactor.of(config.token());
    RetryPolicy policy = new RetryPolicy(config.maxRetries(),
        new Backoff(config.initialBackoff(), config.maxBackoff(), jitter), config.clock(), config.limits().maxWait());
    RateLimitPacer pacer = config.paceRateLimit() ? new RateLimitPacer(config.clock()) : null;
    this.retryLoop = new RetryLoop(clients, requests, policy, pacer, config.sleeper(), config.limits(), redactor);
    this.errors = config.errors();
  }

  @Override
  public HubResponse get(HubRequest request) {
    return get(request, false, CallListener.NONE);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A body that {@code reader} finds malformed is evicted from the disk cache, so that it is never served again
   * after a 304; if it came from the cache, the request is sent once more to the network, bypassing the cache.
   */
  @Override
  public <T> T read(HubRequest request, Function<HubResponse, T> reader) {
    return read(request, CallListener.NONE, reader);
  }

  /**
   * {@inheritDoc}
   *
   * <p>As {@link #read(HubRequest, Function)}: a malformed body is evicted from the disk cache, and one that came
   * from it is asked for once more from the network, which {@code listener} follows too.
   */
  @Override
  public <T> T read(HubRequest request, CallListener listener, Function<HubResponse, T> reader) {
    HubResponse response = get(request, false, listener);
    try {
      return reader.apply(response);
    } catch (MalformedResponseException bad) {
      evict(request.url(), response.url());
      if (!response.fromCache() || config.offline()) throw redactor.scrub(bad);
      debug(() -> "GET " + RetryLoop.pathOf(response.url()) + ": the cached body is unreadable (" + bad.getMessage()
          + "); evicted, asking the network");
    } catch (RuntimeException e) {
      throw redactor.scrubAny(e);
    }
    HubResponse fresh = get(request, true, listener);
    try {
      return reader.apply(fresh);
    } catch (MalformedResponseException bad) {
      evict(request.url(), fresh.url());
      throw redactor.scrub(bad);
    } catch (RuntimeException e) {
      throw redactor.scrubAny(e);
    }
  }

  private HubResponse get(HubRequest request, boolean bypassCache, CallListener listener) {
    if (closed.get()) {
      throw new IllegalStateException("the transport is closed");
    }
    try {
      return follow(request, bypassCache, listener);
    } catch (RuntimeException e) {
      // The one exit of every failure: whatever the hub echoed, the token does not leave.
      throw redactor.scrubAny(e);
    }
  }

  private HubResponse follow(HubRequest request, boolean bypassCache, CallListener listener) {
    List<HttpUrl> chain = new ArrayList<>();
    chain.add(request.url());
    HttpUrl url = request.url();
    while (true) {
      Exchange response;
      if (config.offline()) {
        response = fromCacheOnly(url);
        if (response.isSuccessful()) listener.headers(url, response.headers());
      } else {
        response = retryLoop.execute(url, bypassCache ? requests.network(url) : requests.online(url), listener);
      }
      if (response.isRedirect()) {
        url = Redirects.next(response, chain);
        HttpUrl to = url;
        debug(() -> "following HTTP " + response.status() + " from " + RetryLoop.pathOf(response.url()) + " to "
            + (sameOrigin(to, response.url()) ? RetryLoop.pathOf(to) : to.redact()));
        continue;
      }
      if (response.isSuccessful()) {
        return new HubResponse(response.status(), response.url(), response.headers(), response.content(),
            response.requestId(), response.fromCache());
      }
      throw errors.map(request, scrubbed(response), requests.sendsTokenTo(response.url()));
    }
  }

  /** Drops the disk cache's entries for these URLs, if any. */
  private void evict(HttpUrl... urls) {
    Cache cache = client.cache();
    if (cache == null) return;
    try {
      for (Iterator<String> it = cache.urls(); it.hasNext(); ) {
        String cached = it.next();
        for (HttpUrl u : urls) {
          if (cached.equals(u.toString())) {
            it.remove();
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      debug(() -> "could not evict from the disk cache at " + config.diskCacheDir() + ": " + e);
    }
  }

  private void debug(Supplier<String> message) {
    LOG.log(Level.DEBUG, () -> redactor.scrub(message.get()));
  }

  /** Offline: the disk cache answers, or nothing does. OkHttp answers 504 itself rather than touch the network. */
  private Exchange fromCacheOnly(HttpUrl url) {
    if (client.cache() == null) {
      throw new OfflineException("offline mode is on and no disk cache is configured, so GET "
          + RetryLoop.pathOf(url) + " cannot be answered: turn offline mode off, or set a cache directory",
          url.toString());
    }
    long started = System.nanoTime();
    try (Response response = clients.forUrl(url).newCall(requests.offline(url)).execute()) {
      Body body = Bodies.read(response, config.limits().maxBodyBytes(), url);
      long ms = (System.nanoTime() - started) / 1_000_000;
      boolean hit = response.cacheResponse() != null;
      debug(() -> "GET " + RetryLoop.pathOf(url) + " -> " + (hit ? response.code() + " from cache"
          : "not cached") + " (" + ms + " ms, offline)");
      if (!hit) {
        throw new OfflineException("offline mode is on and GET " + RetryLoop.pathOf(url)
            + " is not in the disk cache at " + config.diskCacheDir() + ": run it once online to cache it",
            url.toString());
      }
      return new Exchange(response.code(), url, response.headers(), body, true, 1);
    } catch (IOException e) {
      throw new TransportException("could not read GET " + url.redact() + " from the disk cache: " + e,
          url.toString(), e);
    }
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /**
   * Shuts down what this transport created: the threads and connection pool of its own client, and its disk cache.
   * A caller's {@code baseClient} is left running, pool included. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    if (ownCache != null) {
      try {
        ownCache.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, () -> "could not close the disk cache at " + config.diskCacheDir() + ": " + e);
      }
    }
  }

  /** The client requests go through (tests check what it shares and what {@link #close()} stops). */
  OkHttpClient client() {
    return client;
  }

  /** Names the endpoint, never the token. */
  @Override
  public String toString() {
    return "OkHttpTransport[" + config + "]";
  }

  /** The response with every copy of the token in its body masked: hubs echo what they were sent. */
  private Exchange scrubbed(Exchange response) {
    if (!redactor.leaks(response.body())) return response;
    return new Exchange(response.status(), response.url(), response.headers(), redactor.scrub(response.body()),
        response.fromCache(), response.attempts());
  }
}
