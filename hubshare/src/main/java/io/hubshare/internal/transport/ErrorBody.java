package io.hubshare.internal.transport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hub's own words about an error, from whichever place it put them: the {@code X-Error-Message} header, or a
 * body in one of the shapes the Hub and its proxies send:
 *
 * <pre>
 * {"error": "Invalid username or password."}
 * {"error": ["Error in `inputs.context`: field required"]}
 * {"error": "invalid_token", "error_description": "The token has expired"}
 * {"errors": [{"message": "..."}]}
 * plain text, or an HTML error page from a proxy
 * </pre>
 *
 * <p>Messages are de-duplicated (the header and the body often say the same), joined with {@code "; "} and cut to
 * {@link #MAX_LENGTH} characters. Anything unreadable gives an empty message, never an exception.
 */
public final class ErrorBody {
  /** Longer messages are cut: an error page can be kilobytes. */
  static final int MAX_LENGTH = 500;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HTML_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", HTML_FLAGS);
  private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", HTML_FLAGS);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private ErrorBody() {}

  /**
   * The hub's message, or {@code ""} when it said nothing readable.
   *
   * @param headerMessage the {@code X-Error-Message} header, if any
   * @param contentType the {@code Content-Type}, if any
   * @param body the response body
   */
  public static String message(@Nullable String headerMessage, @Nullable String contentType, String body) {
    Set<String> messages = new LinkedHashSet<>();
    add(messages, headerMessage);
    String trimmed = body.strip();
    boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
        || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14)
        || trimmed.regionMatches(true, 0, "<html", 0, 5);
    if (html) {
      add(messages, fromHtml(trimmed));
    } else if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      JsonNode tree = parse(trimmed);
      if (tree != null) {
        fromJson(tree, messages);
      } else {
        add(messages, trimmed); // looks like JSON but is not: the text itself is the best we have
      }
    } else {
      add(messages, trimmed);
    }
    return cut(String.join("; ", messages));
  }

  private static @Nullable JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static void fromJson(JsonNode tree, Set<String> messages) {
    JsonNode error = tree.path("error");
    if (error.isArray()) {
      error.forEach(item -> add(messages, text(item)));
    } else if (error.isObject()) {
      add(messages, text(error.path("message")));
    } else {
      String description = text(tree.path("error_description"));
      String main = text(error);
      if (main != null && description != null) {
        add(messages, main + ": " + description);
      } else {
        add(messages, main != null ? main : description);
      }
    }
    tree.path("errors").forEach(item -> add(messages, item.isObject() ? text(item.path("message")) : text(item)));
    if (messages.isEmpty()) {
      add(messages, text(tree.path("message")));
    }
  }

  private static @Nullable String text(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.toString();
  }

  private static @Nullable String fromHtml(String html) {
    for (Pattern p : new Pattern[] {TITLE, H1}) {
      Matcher m = p.matcher(html);
      if (m.find()) {
        String text = plain(m.group(1));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return plain(html);
  }

  private static String plain(String html) {
    String text = SPACE.matcher(TAG.matcher(html).replaceAll(" ")).replaceAll(" ").strip();
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", " ").replace("&amp;", "&");
  }

  private static void add(Set<String> messages, @Nullable String message) {
    if (message != null && !message.isBlank()) {
      messages.add(message.strip());
    }
  }

  private static String cut(String message) {
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 1) + "…";
  }
}
