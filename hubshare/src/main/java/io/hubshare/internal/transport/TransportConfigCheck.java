package io.hubshare.internal.transport;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Fails fast, before any request, on a configuration the transport cannot honour. */
final class TransportConfigCheck {
  private TransportConfigCheck() {}

  /** @throws IllegalArgumentException naming the first setting that is out of range */
  static void validate(TransportConfig config) {
    notNegative("connectTimeout", config.connectTimeout());
    notNegative("readTimeout", config.readTimeout());
    notNegative("initialBackoff", config.initialBackoff());
    notNegative("maxBackoff", config.maxBackoff());
    if (config.maxRetries() < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, was " + config.maxRetries());
    }
    if (config.maxBackoff().compareTo(config.initialBackoff()) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + config.maxBackoff() + ") must not be shorter than"
          + " initialBackoff (" + config.initialBackoff() + ")");
    }
    if (config.userAgent() == null || config.userAgent().isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    if (config.diskCacheDir() != null && config.diskCacheMaxBytes() <= 0) {
      throw new IllegalArgumentException("diskCacheMaxBytes must be positive when diskCacheDir is set, was "
          + config.diskCacheMaxBytes());
    }
    String token = config.token();
    if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      // Never echo the token: say what is wrong with it, not what it is.
      throw new IllegalArgumentException("the token is blank or contains a line break or control character");
    }
  }

  private static void notNegative(String name, @Nullable Duration value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
