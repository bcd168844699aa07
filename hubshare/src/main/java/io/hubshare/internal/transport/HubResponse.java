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
 * @param body the body as text
 * @param requestId the hub's request id, if sent
 * @param fromCache whether the body came from the disk cache (a 304 revalidation or offline mode)
 */
public record HubResponse(
    int status, HttpUrl url, Headers headers, String body, @Nullable String requestId, boolean fromCache) {
  public HubResponse {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** The first value of a header, or {@code null}. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }
}
