package io.hubshare.internal.transport;

import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends one GET (one redirect hop) until it gets an answer worth keeping: paced under the rate limit, retried on
 * retryable statuses and transport failures, every wait through the {@link Pause}. The body is read inside the
 * loop, so a body cut short is retried like a refused connection.
 *
 * <p>Every call is bounded: a wait the hub asks for beyond {@link Limits#maxWait()} fails at once with
 * {@link RateLimitedException}; one HTTP call, body included, ends at {@link Limits#callTimeout()}; a body larger
 * than {@link Limits#maxBodyBytes()} after decompression is cut there and fails with
 * {@link MalformedResponseException}.
 *
 * <p>Returns the last response whatever its status; only transport failures that outlast the retries throw.
 */
public final class RetryLoop {
  private static final System.Logger LOG = System.getLogger("io.hubshare.transport");

  private final HttpClients clients;
  private final RequestFactory requests;
  private final RetryPolicy policy;
  private final @Nullable RateLimitPacer pacer;
  private final Pause sleeper;
  private final Limits limits;
  private final Redactor redactor;
  /** The hosts (scheme, host, port) that have sent a response: one that never did is not retried when unreachable. */
  private final Set<String> answered = ConcurrentHashMap.newKeySet();

  RetryLoop(HttpClients clients, RequestFactory requests, RetryPolicy policy, @Nullable RateLimitPacer pacer,
      Pause sleeper, Limits limits, Redactor redactor) {
    this.clients = clients;
    this.requests = requests;
    this.policy = policy;
    this.pacer = pacer;
    this.sleeper = sleeper;
    this.limits = limits;
    this.redactor = redactor;
  }

  Exchange execute(HttpUrl url) {
    return execute(url, requests.online(url), CallListener.NONE);
  }

  /**
   * As {@link #execute(HttpUrl)}, sending {@code request} (a request for {@code url}) at each attempt, and telling
   * {@code listener} how to cancel each attempt and the headers of a successful answer before its body is read.
   */
  Exchange execute(HttpUrl url, Request request, CallListener listener) {
    int attempts = policy.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      RateLimitPacer.Slot slot = pacer == null ? null : acquire(url);
      Exchange exchange;
      long started = System.nanoTime();
      try {
        if (slot != null) pace(slot.delay(), url);
        exchange = send(request, url, attempt, listener, slot);
      } catch (RuntimeException e) {
        if (e instanceof io.hubshare.error.HubException) throw e;
        // Whatever the HTTP client throws on a hub's answer reaches the caller as hubshare's own failure, never raw.
        throw new TransportException("GET " + url.redact() + " failed inside the HTTP client: "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), url.toString(), e);
      } catch (IOException e) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        int n = attempt;
        debug(() -> "GET " + pathOf(url) + " -> " + describe(e) + " (" + ms + " ms, attempt " + n + "/" + attempts
            + ")");
        if (isCallTimeout(e)) {
          throw new TransportException("GET " + url.redact() + " did not finish within its deadline of "
              + Durations.describe(limits.callTimeout()) + " (the call timeout; the hub sent too slowly)",
              url.toString(), e);
        }
        if (attempt >= attempts || !RetryPolicy.isRetryable(e, answered.contains(origin(url)))) {
          throw new TransportException(redactor.scrub(failure(url, e, attempt)), url.toString(), e);
        }
        retryAfter(policy.waitAfterFailure(attempt - 1), url, describe(e));
        continue;
      } finally {
        if (slot != null) pacer.release(slot);
      }
      answered.add(origin(url));
      long ms = (System.nanoTime() - started) / 1_000_000;
      log(exchange, ms, attempts);
      if (attempt >= attempts || !RetryPolicy.isRetryable(exchange.status())) {
        return exchange;
      }
      Duration wait = policy.waitAfter(attempt - 1, exchange);
      if (wait == null) {
        debug(() -> "not retrying GET " + pathOf(url) + ": the hub asks to wait longer than "
            + Durations.describe(policy.maxWait()));
        return exchange;
      }
      retryAfter(wait, url, "HTTP " + exchange.status());
    }
  }

  private RateLimitPacer.Slot acquire(HttpUrl url) {
    try {
      return pacer.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to send GET " + url.redact(), url.toString(), e);
    }
  }

  /** Waits as the rate limit asks, unless that is longer than the cap: then fails at once, carrying the wait. */
  private void pace(Duration wait, HttpUrl url) {
    if (wait.compareTo(policy.maxWait()) > 0) {
      throw new RateLimitedException("rate limit reached: the hub's quota is spent and its window resets in "
          + Durations.describe(wait) + ", longer than the " + Durations.describe(policy.maxWait())
          + " hubshare waits at most (HubClient.Builder.maxRateLimitWait); GET " + pathOf(url) + " was not sent",
          null, null, url.toString(), wait);
    }
    sleep(wait, url);
  }

  /**
   * Sends one request and reads its body, at most {@link Limits#maxBodyBytes()} of it; {@code listener} is told how to
   * cancel the call before it is sent, and a successful answer's headers before its body is read. The rate limit
   * the answer reports is taken in as soon as its headers arrive, and a probe's {@code slot} released then: what
   * the pacer waits for is in the headers, and a request that waits for it need not wait for the body too.
   */
  Exchange send(Request request, HttpUrl url, int attempt, CallListener listener, RateLimitPacer.@Nullable Slot slot)
      throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      // A listing that stopped reading ahead interrupts the request it no longer needs: nothing is sent.
      throw new InterruptedIOException("interrupted before GET " + pathOf(url) + " was sent");
    }
    Call call = clients.forUrl(url).newCall(request);
    listener.sending(call::cancel);
    try (Response response = call.execute()) {
      Response network = response.networkResponse();
      if (pacer != null && network != null) {
        // The network response's own headers: a revalidated response would otherwise mix in the cached ones.
        pacer.observe(network.headers());
      }
      if (pacer != null && slot != null) pacer.release(slot);
      if (response.isSuccessful()) listener.headers(url, response.headers());
      Body body = Bodies.read(response, limits.maxBodyBytes(), url);
      boolean fromCache = response.cacheResponse() != null && (network == null || network.code() == 304);
      return new Exchange(response.code(), url, response.headers(), body, fromCache, attempt);
    }
  }

  /** OkHttp's call timeout: an {@link InterruptedIOException} that is neither a socket timeout nor an interrupt. */
  static boolean isCallTimeout(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
        && !Thread.currentThread().isInterrupted() && "timeout".equals(e.getMessage());
  }

  private void retryAfter(Duration wait, HttpUrl url, String reason) {
    debug(() -> "retrying GET " + pathOf(url) + " in " + Durations.millis(wait) + " ms after " + reason);
    sleep(wait, url);
  }

  private void sleep(Duration wait, HttpUrl url) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to send GET " + url.redact(), url.toString(), e);
    }
  }

  private void log(Exchange exchange, long ms, int attempts) {
    debug(() -> "GET " + pathOf(exchange.url()) + " -> " + exchange.status()
        + (exchange.fromCache() ? " from cache" : "") + " (" + ms + " ms, attempt " + exchange.attempts() + "/"
        + attempts + ")");
  }

  /** A DEBUG line, the token masked: a path may hold what a hostile redirect put there. */
  private void debug(Supplier<String> message) {
    LOG.log(Level.DEBUG, () -> redactor.scrub(message.get()));
  }

  /** Path and query: enough to tell requests apart, and never a credential (the token travels in a header). */
  public static String pathOf(HttpUrl url) {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  /**
   * What went wrong, with the full URL: "cannot resolve HOST (offline?)", "cannot connect to HOST:PORT", or the
   * failure as the JDK names it.
   */
  static String failure(HttpUrl url, IOException e, int attempts) {
    String get = "GET " + shown(url) + (attempts > 1 ? " failed after " + attempts + " attempts" : " failed");
    if (e instanceof UnknownHostException) {
      return "cannot resolve " + url.host() + " (offline?): " + get;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "cannot connect to " + url.host() + ":" + url.port() + " (" + rootMessage(e) + "): " + get;
    }
    return get + ": " + describe(e);
  }

  /** The URL without any user name or password; the token never travels in it. */
  static String shown(HttpUrl url) {
    return url.username().isEmpty() && url.password().isEmpty() ? url.toString()
        : url.newBuilder().username("").password("").build().toString();
  }

  /** The innermost message: OkHttp's "Failed to connect to /127.0.0.1:1" wraps the JDK's "Connection refused". */
  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) message = t.getMessage();
    }
    for (Throwable s : e.getSuppressed()) {
      if (message != null && message.startsWith("Failed to connect") && s.getMessage() != null) message = s.getMessage();
    }
    return message == null || message.startsWith("Failed to connect") ? "connection refused" : message;
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
