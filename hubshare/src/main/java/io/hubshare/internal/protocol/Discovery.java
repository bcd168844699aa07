package io.hubshare.internal.protocol;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where a hub's own tools keep its endpoint, token and offline switch: its environment variables and token file.
 * The client asks this only after its builder and the {@code hubshare.*} system properties, which are the same for
 * every hub.
 */
public interface Discovery {

  /** A value and where it came from ("HF_TOKEN", "token file ~/.cache/huggingface/token"); never the value. */
  record Found<T>(@Nullable T value, String source) {}

  /** The endpoint the hub's environment variables name, or a {@code null} value for the hub's default. */
  Found<HttpUrl> endpoint(Environment env);

  /** The default endpoint, such as {@code https://huggingface.co}. */
  HttpUrl defaultEndpoint();

  /**
   * The token from the hub's environment variables or token file, or a {@code null} value (with a source that says
   * why, such as "none (HF_HUB_DISABLE_IMPLICIT_TOKEN)").
   *
   * @throws java.io.UncheckedIOException if a token file exists but cannot be read (naming the file only)
   */
  Found<String> token(Environment env);

  /** Whether the hub's environment switches offline mode on. */
  boolean offline(Environment env);

  /** The variable a user sets the token in, for messages ("HF_TOKEN"). */
  String tokenVariable();
}
