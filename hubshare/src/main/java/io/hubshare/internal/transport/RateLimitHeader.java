package io.hubshare.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The hub's rate-limit state as one response reports it, from the IETF draft headers the Hub sends:
 *
 * <pre>
 * RateLimit: "api";r=489;t=187
 * RateLimit-Policy: "fixed window";"api";q=500;w=300
 * </pre>
 *
 * <p>{@code r} is what is left of the bucket's quota, {@code t} the seconds until its window resets, {@code q} the
 * quota and {@code w} the window in seconds. When several buckets are listed, the one with the least left wins: it is
 * the one that would answer 429 first.
 *
 * @param bucket the bucket's name ({@code api})
 * @param remaining requests left in the current window
 * @param reset time until the window resets
 * @param quota the window's quota from {@code RateLimit-Policy}, or -1 if not sent
 * @param window the window's length from {@code RateLimit-Policy}, or {@code null} if not sent
 */
public record RateLimitHeader(String bucket, long remaining, Duration reset, long quota, @Nullable Duration window) {

  /** Reads both headers of a response; {@code null} when {@code RateLimit} is absent or unreadable. */
  public static @Nullable RateLimitHeader from(Headers headers) {
    return parse(headers.get("RateLimit"), headers.get("RateLimit-Policy"));
  }

  /** Parses the two header values; {@code null} when {@code rateLimit} is absent or has no readable bucket. */
  static @Nullable RateLimitHeader parse(@Nullable String rateLimit, @Nullable String policy) {
    if (rateLimit == null) {
      return null;
    }
    Item chosen = null;
    for (Item item : items(rateLimit)) {
      long r = item.param("r");
      long t = item.param("t");
      if (r >= 0 && t >= 0 && (chosen == null || r < chosen.param("r"))) {
        chosen = item;
      }
    }
    if (chosen == null) {
      return null;
    }
    long quota = -1;
    Duration window = null;
    if (policy != null) {
      for (Item item : items(policy)) {
        // The policy names its kind first ("fixed window") and its bucket last.
        if (item.names.contains(chosen.name()) || item.names.isEmpty()) {
          quota = item.param("q");
          long w = item.param("w");
          window = w >= 0 ? Duration.ofSeconds(w) : null;
          break;
        }
      }
    }
    return new RateLimitHeader(chosen.name(), chosen.param("r"), Duration.ofSeconds(chosen.param("t")), quota, window);
  }

  /** One comma-separated member: quoted names and {@code key=number} parameters. */
  private record Item(List<String> names, List<String> keys, List<Long> values) {
    String name() {
      return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    long param(String key) {
      int i = keys.indexOf(key);
      return i < 0 ? -1 : values.get(i);
    }
  }

  private static List<Item> items(String header) {
    List<Item> items = new ArrayList<>();
    for (String member : header.split(",")) {
      List<String> names = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      for (String part : member.split(";")) {
        String p = part.trim();
        int eq = p.indexOf('=');
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
          names.add(p.substring(1, p.length() - 1));
        } else if (eq > 0) {
          String v = p.substring(eq + 1).trim();
          // Digits only, any number of them (a count too large for a long saturates); anything else is an unknown
          // or non-numeric parameter: skipped, the rest kept.
          if (!v.isEmpty() && v.length() < 4096 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            values.add(Durations.seconds(v));
            keys.add(p.substring(0, eq).trim().toLowerCase(Locale.ROOT));
          }
        }
      }
      if (!keys.isEmpty() || !names.isEmpty()) {
        items.add(new Item(names, keys, values));
      }
    }
    return items;
  }
}
