package io.hubshare;

import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.Endpoints;
import io.hubshare.internal.protocol.Environment;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint, token and offline switch, discovered in the documented precedence (docs/configuration.md): explicit
 * builder values, then system properties ({@code hubshare.*}), then the hub's own environment variables and token
 * file (its {@link Discovery}: {@code HF_*} for Hugging Face, {@code MODELSCOPE_*} for ModelScope).
 *
 * @param endpoint the hub's base URL, without a trailing slash
 * @param endpointSource where the endpoint came from, for {@code toString()} and messages
 * @param token the token, or {@code null} for anonymous access
 * @param tokenSource where the token came from (never the token itself)
 * @param offline whether offline mode is on
 */
record ClientConfig(HttpUrl endpoint, String endpointSource, @Nullable String token, String tokenSource,
    boolean offline) {

  static final String PROP_ENDPOINT = "hubshare.endpoint";
  static final String PROP_TOKEN = "hubshare.token";
  static final String PROP_OFFLINE = "hubshare.offline";

  /**
   * Resolves the configuration.
   *
   * @param endpoint the builder's endpoint, or {@code null}
   * @param token the builder's token, or {@code null}
   * @param anonymous whether the builder asked for no token at all
   * @param offline the builder's offline switch, or {@code null}
   * @param hub where the hub's own tools keep these settings
   * @throws IllegalArgumentException if a discovered endpoint or token is malformed (naming its source)
   * @throws UncheckedIOException if the token file exists but cannot be read
   */
  static ClientConfig discover(@Nullable HttpUrl endpoint, @Nullable String token, boolean anonymous,
      @Nullable Boolean offline, Environment env, Discovery hub) {
    HttpUrl resolvedEndpoint;
    String endpointSource;
    if (endpoint != null) {
      resolvedEndpoint = endpoint;
      endpointSource = "builder";
    } else if (env.property(PROP_ENDPOINT) != null) {
      endpointSource = "system property " + PROP_ENDPOINT;
      resolvedEndpoint = Endpoints.parseEndpoint(env.property(PROP_ENDPOINT), endpointSource);
    } else {
      Discovery.Found<HttpUrl> found = hub.endpoint(env);
      resolvedEndpoint = found.value() != null ? found.value() : hub.defaultEndpoint();
      endpointSource = found.source();
    }

    boolean resolvedOffline;
    if (offline != null) {
      resolvedOffline = offline;
    } else if (env.property(PROP_OFFLINE) != null) {
      resolvedOffline = Environment.isTruthy(env.property(PROP_OFFLINE));
    } else {
      resolvedOffline = hub.offline(env);
    }

    Discovery.Found<String> found = anonymous ? new Discovery.Found<>(null, "none (anonymous)")
        : findToken(token, env, hub);
    if (found.value() != null) Endpoints.checkToken(found.value(), found.source());
    return new ClientConfig(resolvedEndpoint, endpointSource, found.value(), found.source(), resolvedOffline);
  }

  private static Discovery.Found<String> findToken(@Nullable String explicit, Environment env, Discovery hub) {
    if (explicit != null) return new Discovery.Found<>(explicit, "builder");
    // A system property is set on purpose for this one process, so it counts as explicit: a hub's switch that
    // disables implicit tokens only silences what its environment and token file would add.
    String property = env.property(PROP_TOKEN);
    if (property != null) return new Discovery.Found<>(property.trim(), "system property " + PROP_TOKEN);
    return hub.token(env);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "ClientConfig[endpoint=" + endpoint + " (" + endpointSource + "), token=" + (token == null ? "" : "**** ")
        + "(" + tokenSource + "), offline=" + offline + "]";
  }
}
