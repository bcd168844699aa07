package io.hubshare.internal.hf;

import java.util.Locale;
import java.util.Set;

/**
 * The repository-id syntax of {@link io.hubshare.hub.ModelIds}, checked char by char: it runs for every base-model
 * link of every model in a snapshot, where a regular expression would dominate the parse time. The two must
 * agree; a test checks them against every id of the real sample.
 */
final class RepoIds {
  private static final int MAX_PART = 96;

  /**
   * Values authors write in {@code base_model} when they have none. Syntactically they are bare legacy ids,
   * but no model of that name exists.
   */
  private static final Set<String> PLACEHOLDERS = Set.of("none", "null", "nil", "undefined", "unknown", "nan", "tbd",
      "todo");

  private RepoIds() {}

  /** Whether {@code id} is {@code owner/name} or a bare legacy name in the Hub's alphabet. */
  static boolean isValid(String id) {
    int slash = id.indexOf('/');
    if (slash < 0) return isValidPart(id, 0, id.length());
    return isValidPart(id, 0, slash) && isValidPart(id, slash + 1, id.length());
  }

  /**
   * Whether {@code id} can name a base model: a valid id that is not a placeholder. URLs, local paths
   * ({@code ./model}, {@code /cache/models/x}, {@code outputs/run/checkpoint}), Windows paths and empty strings
   * all fail.
   */
  static boolean isLinkable(String id) {
    return isValid(id) && (id.indexOf('/') >= 0 || !PLACEHOLDERS.contains(id.toLowerCase(Locale.ROOT)));
  }

  /** One part, {@code id[from, to)}: 1..96 chars of {@code [A-Za-z0-9_.-]}, alnum first, alnum or '_' last. */
  private static boolean isValidPart(String id, int from, int to) {
    int len = to - from;
    if (len < 1 || len > MAX_PART) return false;
    if (!isAlnum(id.charAt(from))) return false;
    char last = id.charAt(to - 1);
    if (!isAlnum(last) && last != '_') return false;
    char prev = 0;
    for (int i = from; i < to; i++) {
      char c = id.charAt(i);
      boolean ok = isAlnum(c) || c == '_' || c == '-' || c == '.';
      if (!ok) return false;
      if ((c == '-' || c == '.') && c == prev) return false;
      prev = c;
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
