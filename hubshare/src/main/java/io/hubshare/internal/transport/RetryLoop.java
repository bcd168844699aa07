package io.hubshare.internal.transport;

import io.hubshare.error.TransportException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends one GET (one redirect hop) until it gets an answer worth keeping: paced under the rate limit, retried on
 * retryable statuses and transport failures, every wait through the {@link Pause}. The body is read inside the
 * loop, so a body cut short is retried like a refused connection.
 *
 * <p>Returns the last response whatever its status; only transport failures that outlast the retries throw.
 */
public final class RetryLoop {
  private static final System.Logger LOG = System.getLogger("io.hubshare.transport");

  private final OkHttpClient client;
  private final RequestFactory requests;
  private final RetryPolicy policy;
  private final @Nullable RateLimitPacer pacer;
  private final Pause sleeper;

  RetryLoop(OkHttpClient client, RequestFactory requests, RetryPolicy policy, @Nullable RateLimitPacer pacer,
      Pause sleeper) {
    this.client = client;
    this.requests = requests;
    this.policy = policy;
    this.pacer = pacer;
    this.sleeper = sleeper;
  }

  Exchange execute(HttpUrl url) {
    int attempts = policy.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      if (pacer != null) {
        sleep(pacer.reserve(), url);
      }
      long started = System.nanoTime();
      Exchange exchange;
      try {
        exchange = send(url, attempt);
      } catch (IOException e) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        int n = attempt;
        LOG.log(Level.DEBUG, () -> "GET " + pathOf(url) + " -> " + describe(e) + " (" + ms + " ms, attempt " + n
            + "/" + attempts + ")");
        if (attempt >= attempts || !RetryPolicy.isRetryable(e)) {
          throw new TransportException("GET " + url.redact() + " failed after " + attempt
              + (attempt == 1 ? " attempt: " : " attempts: ") + describe(e), url.toString(), e);
        }
        retryAfter(policy.waitAfterFailure(attempt - 1), url, describe(e));
        continue;
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      log(exchange, ms, attempts);
      if (attempt >= attempts || !RetryPolicy.isRetryable(exchange.status())) {
        return exchange;
      }
      Duration wait = policy.waitAfter(attempt - 1, exchange);
      if (wait == null) {
        LOG.log(Level.DEBUG, () -> "not retrying GET " + pathOf(url) + ": the hub asks to wait longer than "
            + RetryPolicy.MAX_RETRY_AFTER.toSeconds() + " s");
        return exchange;
      }
      retryAfter(wait, url, "HTTP " + exchange.status());
    }
  }

  private Exchange send(HttpUrl url, int attempt) throws IOException {
    try (Response response = client.newCall(requests.online(url)).execute()) {
      String body = response.body().string();
      Response network = response.networkResponse();
      if (pacer != null && network != null) {
        // The network response's own headers: a revalidated response would otherwise mix in the cached ones.
        pacer.observe(network.headers());
      }
      boolean fromCache = response.cacheResponse() != null && (network == null || network.code() == 304);
      return new Exchange(response.code(), url, response.headers(), body, fromCache, attempt);
    }
  }

  private void retryAfter(Duration wait, HttpUrl url, String reason) {
    LOG.log(Level.DEBUG, () -> "retrying GET " + pathOf(url) + " in " + wait.toMillis() + " ms after " + reason);
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

  private static void log(Exchange exchange, long ms, int attempts) {
    LOG.log(Level.DEBUG, () -> "GET " + pathOf(exchange.url()) + " -> " + exchange.status()
        + (exchange.fromCache() ? " from cache" : "") + " (" + ms + " ms, attempt " + exchange.attempts() + "/"
        + attempts + ")");
  }

  /** Path and query: enough to tell requests apart, and never a credential (the token travels in a header). */
  public static String pathOf(HttpUrl url) {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
