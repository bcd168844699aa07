package io.hubshare.internal.transport;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Puts the token on a request, the way the hub expects it on that path. Called only for the configured endpoint's
 * own scheme, host and port: the token never travels to another host.
 */
@FunctionalInterface
public interface Authorizer {
  /** {@code Authorization: Bearer <token>} on every path. */
  Authorizer BEARER = (request, url, token) -> request.header("Authorization", "Bearer " + token);

  /** Adds the token to {@code request}, bound for {@code url}. */
  void authorize(Request.Builder request, HttpUrl url, String token);
}
