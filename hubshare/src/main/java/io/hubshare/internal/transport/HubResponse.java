package io.hubshare.internal.transport;

import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A successful response, body read in full.
 *
 * @param status the HTTP status (2xx)
 * @param url the final URL, after redirects (a renamed repository's canonical path)
 * @param headers the response headers
 * @param content the body as read: its bytes, decoded into text on demand
 * @param requestId the hub's request id, if sent
 * @param fromCache whether the body came from the disk cache (a 304 revalidation or offline mode)
 */
public record HubResponse(
    int status, HttpUrl url, Headers headers, Body content, @Nullable String requestId, boolean fromCache) {
  public HubResponse {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(content, "content");
  }

  /** A response whose body is known as text. */
  public HubResponse(int status, HttpUrl url, Headers headers, String body, @Nullable String requestId,
      boolean fromCache) {
    this(status, url, headers, Body.ofText(Objects.requireNonNull(body, "body")), requestId, fromCache);
  }

  /** The body as text, decoded on first use. */
  public String body() {
    return content.text();
  }

  /** The first value of a header, or {@code null}. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }
}
