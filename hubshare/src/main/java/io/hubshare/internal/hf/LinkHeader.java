package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Hub's pagination header (RFC 8288), which points to the next page of a listing:
 *
 * <pre>{@code
 * Link: <https://huggingface.co/api/models?limit=3&cursor=eyJ...>; rel="next"
 * }</pre>
 *
 * No {@code Link} header, or none with {@code rel="next"}, means the last page.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /**
   * The URL of the link whose relation is {@code next}, or {@code null}.
   *
   * <p>Tolerates several links in one value ({@code <a>; rel="prev", <b>; rel="next"}), spacing around
   * {@code ;}, {@code ,} and {@code =}, quoted or bare relation values, several relation types in one
   * ({@code rel="next last"}), other parameters, and commas inside the URL. The URL is returned as written
   * (it may be relative).
   *
   * @param linkHeaderValue the header's value; several headers may be joined with {@code ,}
   * @throws WireFormatException if a next page is announced ({@code rel="next"}) without a readable URL
   */
  public static @Nullable String next(@Nullable String linkHeaderValue) {
    String next = find(linkHeaderValue);
    if (next == null && linkHeaderValue != null && NAMES_NEXT.matcher(linkHeaderValue).find()) {
      // A next page is announced but no URL can be read: taking it for the last page would end a listing early,
      // silently, and mark a crawl complete.
      throw new WireFormatException("the Link header names a next page but no <URL> for it");
    }
    return next;
  }

  /** A {@code rel} parameter whose value holds the token {@code next}. */
  private static final Pattern NAMES_NEXT =
      Pattern.compile("(?i)(^|[;\\s])rel\\s*=\\s*\"?[^\";,]*(?<![a-z0-9-])next(?![a-z0-9-])");

  private static @Nullable String find(@Nullable String linkHeaderValue) {
    if (linkHeaderValue == null) return null;
    String v = linkHeaderValue;
    int i = 0;
    int n = v.length();
    while (i < n) {
      int open = v.indexOf('<', i);
      if (open < 0) return null;
      int close = v.indexOf('>', open + 1);
      if (close < 0) return null;
      String url = v.substring(open + 1, close).trim();
      i = close + 1;
      boolean isNext = false;
      // Parameters run until a comma outside quotes, which starts the next link.
      while (i < n) {
        i = skipSpaces(v, i);
        if (i >= n) break;
        char c = v.charAt(i);
        if (c == ',') {
          i++;
          break;
        }
        if (c != ';') {
          i++;
          continue;
        }
        i = skipSpaces(v, i + 1);
        int nameStart = i;
        while (i < n && v.charAt(i) != '=' && v.charAt(i) != ';' && v.charAt(i) != ',') i++;
        String name = v.substring(nameStart, i).trim();
        String value = "";
        if (i < n && v.charAt(i) == '=') {
          i = skipSpaces(v, i + 1);
          if (i < n && v.charAt(i) == '"') {
            int end = v.indexOf('"', i + 1);
            if (end < 0) end = n;
            value = v.substring(i + 1, end);
            i = Math.min(n, end + 1);
          } else {
            int start = i;
            while (i < n && v.charAt(i) != ';' && v.charAt(i) != ',') i++;
            value = v.substring(start, i).trim();
          }
        }
        if (name.equalsIgnoreCase("rel") && hasToken(value, "next")) isNext = true;
      }
      if (isNext && !url.isEmpty()) return url;
    }
    return null;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  /** Whether the space-separated list {@code value} holds {@code token}, ignoring case. */
  private static boolean hasToken(String value, String token) {
    for (String part : value.trim().split("\\s+")) {
      if (part.toLowerCase(Locale.ROOT).equals(token)) return true;
    }
    return false;
  }
}
