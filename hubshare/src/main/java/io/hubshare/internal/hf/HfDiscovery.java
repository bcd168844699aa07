package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.Endpoints;
import io.hubshare.internal.protocol.Environment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Hugging Face's configuration, as {@code huggingface_hub} reads it: {@code HF_ENDPOINT}, {@code HF_TOKEN} (or the
 * older {@code HUGGING_FACE_HUB_TOKEN}), the token file ({@code HF_TOKEN_PATH}, else {@code $HF_HOME/token}, else
 * {@code ${XDG_CACHE_HOME:-~/.cache}/huggingface/token}), {@code HF_HUB_DISABLE_IMPLICIT_TOKEN} and
 * {@code HF_HUB_OFFLINE}.
 */
final class HfDiscovery implements Discovery {
  private static final HttpUrl DEFAULT = Endpoints.parseEndpoint("https://huggingface.co", "default");

  @Override
  public Found<HttpUrl> endpoint(Environment env) {
    String value = env.variable("HF_ENDPOINT");
    return value == null ? new Found<>(null, "default") : new Found<>(Endpoints.parseEndpoint(value, "HF_ENDPOINT"),
        "HF_ENDPOINT");
  }

  @Override
  public HttpUrl defaultEndpoint() {
    return DEFAULT;
  }

  @Override
  public Found<String> token(Environment env) {
    if (Environment.isTruthy(env.variable("HF_HUB_DISABLE_IMPLICIT_TOKEN"))) {
      return new Found<>(null, "none (HF_HUB_DISABLE_IMPLICIT_TOKEN)");
    }
    for (String name : new String[] {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}) {
      String value = env.variable(name);
      if (value != null) return new Found<>(value.trim(), name);
    }
    Path file = tokenFile(env);
    String fromFile = file == null ? null : Endpoints.readTokenFile(file);
    return fromFile == null ? new Found<>(null, "none") : new Found<>(fromFile, "token file " + file);
  }

  @Override
  public boolean offline(Environment env) {
    return Environment.isTruthy(env.variable("HF_HUB_OFFLINE"));
  }

  @Override
  public String tokenVariable() {
    return "HF_TOKEN";
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
}
