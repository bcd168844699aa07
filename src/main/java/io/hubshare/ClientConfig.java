package io.hubshare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint, token and offline switch, discovered in the documented precedence (docs/configuration.md): explicit
 * builder values, then system properties ({@code hubshare.*}), then {@code HF_*} environment variables, then the
 * token file.
 *
 * @param endpoint the hub's base URL, without a trailing slash
 * @param endpointSource where the endpoint came from, for {@code toString()} and messages
 * @param token the token, or {@code null} for anonymous access
 * @param tokenSource where the token came from (never the token itself)
 * @param offline whether offline mode is on
 */
record ClientConfig(HttpUrl endpoint, String endpointSource, @Nullable String token, String tokenSource,
    boolean offline) {

  /** The Hugging Face Hub. */
  static final String DEFAULT_ENDPOINT = "https://huggingface.co";
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
   * @throws IllegalArgumentException if a discovered endpoint or token is malformed (naming its source)
   * @throws UncheckedIOException if the token file exists but cannot be read
   */
  static ClientConfig discover(@Nullable HttpUrl endpoint, @Nullable String token, boolean anonymous,
      @Nullable Boolean offline, Environment env) {
    HttpUrl resolvedEndpoint;
    String endpointSource;
    if (endpoint != null) {
      resolvedEndpoint = endpoint;
      endpointSource = "builder";
    } else if (env.property(PROP_ENDPOINT) != null) {
      endpointSource = "system property " + PROP_ENDPOINT;
      resolvedEndpoint = parseEndpoint(env.property(PROP_ENDPOINT), endpointSource);
    } else if (env.variable("HF_ENDPOINT") != null) {
      endpointSource = "HF_ENDPOINT";
      resolvedEndpoint = parseEndpoint(env.variable("HF_ENDPOINT"), endpointSource);
    } else {
      resolvedEndpoint = parseEndpoint(DEFAULT_ENDPOINT, "default");
      endpointSource = "default";
    }

    boolean resolvedOffline;
    if (offline != null) {
      resolvedOffline = offline;
    } else if (env.property(PROP_OFFLINE) != null) {
      resolvedOffline = Environment.isTruthy(env.property(PROP_OFFLINE));
    } else {
      resolvedOffline = Environment.isTruthy(env.variable("HF_HUB_OFFLINE"));
    }

    Found found = anonymous ? new Found(null, "none (anonymous)") : findToken(token, env);
    if (found.token() != null) checkToken(found.token(), found.source());
    return new ClientConfig(resolvedEndpoint, endpointSource, found.token(), found.source(), resolvedOffline);
  }

  private record Found(@Nullable String token, String source) {}

  private static Found findToken(@Nullable String explicit, Environment env) {
    if (explicit != null) return new Found(explicit, "builder");
    // A system property is set on purpose for this one process, so it counts as explicit: the
    // HF_HUB_DISABLE_IMPLICIT_TOKEN switch only silences what the environment and the token file would add.
    String property = env.property(PROP_TOKEN);
    if (property != null) return new Found(property.trim(), "system property " + PROP_TOKEN);
    if (Environment.isTruthy(env.variable("HF_HUB_DISABLE_IMPLICIT_TOKEN"))) {
      return new Found(null, "none (HF_HUB_DISABLE_IMPLICIT_TOKEN)");
    }
    for (String name : new String[] {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}) {
      String value = env.variable(name);
      if (value != null) return new Found(value.trim(), name);
    }
    Path file = tokenFile(env);
    String fromFile = file == null ? null : readTokenFile(file);
    return fromFile == null ? new Found(null, "none") : new Found(fromFile, "token file " + file);
  }

  /**
   * {@code HF_TOKEN_PATH}, else {@code $HF_HOME/token}, else {@code ${XDG_CACHE_HOME:-~/.cache}/huggingface/token};
   * {@code null} when no home directory is known to build the default from.
   */
  static @Nullable Path tokenFile(Environment env) {
    try {
      String explicit = env.variable("HF_TOKEN_PATH");
      if (explicit != null) return expandHome(explicit, env);
      String hfHome = env.variable("HF_HOME");
      if (hfHome != null) return expandHome(hfHome, env).resolve("token");
      String xdg = env.variable("XDG_CACHE_HOME");
      if (xdg != null) return expandHome(xdg, env).resolve("huggingface").resolve("token");
      String home = env.home();
      return home == null ? null : Path.of(home, ".cache", "huggingface", "token");
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("the token file path is not a valid path: " + e.getMessage(), e);
    }
  }

  private static Path expandHome(String path, Environment env) {
    String home = env.home();
    if (home != null && (path.equals("~") || path.startsWith("~/"))) return Path.of(home + path.substring(1));
    return Path.of(path);
  }

  /** The trimmed content of the token file, or {@code null} if it is missing or empty. */
  private static @Nullable String readTokenFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).trim();
      return content.isEmpty() ? null : content;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // The message names the file only: the content could be a token.
      throw new UncheckedIOException("cannot read the token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses and checks an endpoint: an absolute http(s) URL without credentials, query or fragment. Trailing
   * slashes are dropped, as {@code HF_ENDPOINT} loses its trailing {@code /} in the Python client.
   *
   * @param source where the value came from, named in the message
   * @throws IllegalArgumentException if the value is not such a URL
   */
  static HttpUrl parseEndpoint(@Nullable String value, String source) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("endpoint (" + source + ") is blank");
    String v = value.trim();
    HttpUrl url = HttpUrl.parse(v);
    if (url == null) {
      throw new IllegalArgumentException("endpoint (" + source + ") is not an absolute http or https URL: '" + v + "'");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // No echo of the value: it holds credentials.
      throw new IllegalArgumentException("endpoint (" + source + ") must not carry a user name or password; "
          + "use token(...) or HF_TOKEN");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("endpoint (" + source + ") must not have a query or fragment: '" + v + "'");
    }
    HttpUrl.Builder b = url.newBuilder();
    int segments = url.pathSize();
    while (segments > 0 && url.pathSegments().get(segments - 1).isEmpty()) {
      b.removePathSegment(--segments);
    }
    return b.build();
  }

  /**
   * Checks that a token can travel in an HTTP header: non-empty visible ASCII, no spaces. The message never quotes
   * the token.
   */
  static String checkToken(String token, String source) {
    if (token.isEmpty()) throw new IllegalArgumentException("the token (" + source + ") is empty");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("the token (" + source + ") contains a space, a control character or a "
            + "non-ASCII character at position " + i + "; a hub token is plain ASCII such as hf_...");
      }
    }
    return token;
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "ClientConfig[endpoint=" + endpoint + " (" + endpointSource + "), token=" + (token == null ? "" : "**** ")
        + "(" + tokenSource + "), offline=" + offline + "]";
  }
}
