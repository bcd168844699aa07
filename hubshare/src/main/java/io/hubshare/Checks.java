package io.hubshare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Argument checks of {@link HubClient.Builder}: each fails at once with a message naming the setting. */
final class Checks {
  /** More retries than this is a mistake, not a policy: the last one would wait hours. */
  static final int MAX_RETRIES = 10;

  private Checks() {}

  static <T> T notNull(T value, String what) {
    if (value == null) throw new IllegalArgumentException(what + " must not be null");
    return value;
  }

  static Duration nonNegative(Duration d, String what) {
    notNull(d, what);
    if (d.isNegative()) throw new IllegalArgumentException(what + " must not be negative: " + d);
    return d;
  }

  /** OkHttp takes timeouts in whole milliseconds up to {@code Integer.MAX_VALUE}. */
  static Duration timeout(Duration d, String what) {
    nonNegative(d, what);
    if (d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(what + " is too long (at most " + Integer.MAX_VALUE + " ms): " + d);
    }
    if (!d.isZero() && d.toMillis() == 0) {
      throw new IllegalArgumentException(what + " is shorter than a millisecond: " + d + " (zero means no timeout)");
    }
    return d;
  }

  static int retries(int retries) {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new IllegalArgumentException("maxRetries must be between 0 and " + MAX_RETRIES + ": " + retries);
    }
    return retries;
  }

  static void backoff(Duration initial, Duration max) {
    notNull(initial, "initial backoff");
    notNull(max, "max backoff");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff (" + max + ") must not be shorter than the initial one ("
          + initial + ")");
    }
  }

  static Path cacheDir(Path dir) {
    notNull(dir, "disk cache directory");
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("disk cache directory is an existing file, not a directory: " + dir);
    }
    return dir;
  }
}
