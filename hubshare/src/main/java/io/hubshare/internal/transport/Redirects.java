package io.hubshare.internal.transport;

import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.TransportException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Where a redirect leads. The Hub answers a renamed repository with 307 and a relative {@code Location}
 * ({@code /api/models/google-bert/bert-base-uncased} for {@code bert-base-uncased}); it is resolved against the URL
 * that answered. Redirects are followed here rather than by OkHttp so that each hop decides afresh whether the token
 * goes along.
 */
final class Redirects {
  /** More hops than a rename (and perhaps a second one) ever needs. */
  static final int MAX_HOPS = 5;

  private Redirects() {}

  /**
   * The next URL of a redirect chain.
   *
   * @param response the redirect
   * @param chain the URLs visited so far, first the requested one; the next one is appended
   * @throws HubException when the redirect has no usable {@code Location}, loops, or the chain is too long
   */
  static HttpUrl next(Exchange response, List<HttpUrl> chain) {
    String location = response.headers().get("Location");
    HttpUrl next = location == null ? null : response.url().resolve(location);
    if (next == null) {
      throw new MalformedResponseException("HTTP " + response.status() + " for GET " + RetryLoop.pathOf(response.url())
          + (location == null ? " has no Location header" : " has an unusable Location: " + location),
          response.status(), response.headers().get("X-Error-Code"), response.requestId(), response.url().toString(),
          null);
    }
    boolean loop = chain.contains(next);
    chain.add(next);
    if (loop || chain.size() > MAX_HOPS + 1) {
      String hops = chain.stream().map(RetryLoop::pathOf).collect(Collectors.joining(" -> "));
      throw new TransportException((loop ? "redirect loop: " : "more than " + MAX_HOPS + " redirects: ") + hops,
          chain.get(0).toString(), null);
    }
    return next;
  }
}
