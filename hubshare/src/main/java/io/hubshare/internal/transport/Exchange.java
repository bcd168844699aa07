package io.hubshare.internal.transport;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One response with its body read in full, whatever its status: what a hop of {@link OkHttpTransport#get} works
 * with before it decides to follow, return or fail.
 *
 * @param status the HTTP status (the cached one when revalidated: 304 becomes the cached 200)
 * @param url the URL that answered
 * @param headers the response headers
 * @param content the body as read
 * @param fromCache whether the body came from the disk cache
 * @param attempts how many attempts it took
 */
public record Exchange(int status, HttpUrl url, Headers headers, Body content, boolean fromCache, int attempts) {

  /** A response whose body is known as text. */
  public Exchange(int status, HttpUrl url, Headers headers, String body, boolean fromCache, int attempts) {
    this(status, url, headers, Body.ofText(body), fromCache, attempts);
  }

  /** The body as text, decoded on first use. */
  public String body() {
    return content.text();
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  public boolean isRedirect() {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The hub's request id: {@code X-Request-Id}, else {@code X-Amzn-Trace-Id}. */
  public @Nullable String requestId() {
    String id = headers.get("X-Request-Id");
    return id != null ? id : headers.get("X-Amzn-Trace-Id");
  }
}
