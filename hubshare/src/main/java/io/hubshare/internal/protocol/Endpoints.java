package io.hubshare.internal.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Checks an endpoint or token wherever it came from (builder, property, a hub's variables, a file). */
public final class Endpoints {
  private Endpoints() {}

  /**
   * Parses and checks an endpoint: an absolute http(s) URL without credentials, query or fragment. Trailing
   * slashes are dropped, as the hubs' own clients drop them.
   *
   * @param source where the value came from, named in the message
   * @throws IllegalArgumentException if the value is not such a URL
   */
  public static HttpUrl parseEndpoint(@Nullable String value, String source) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("endpoint (" + source + ") is blank");
    String v = value.trim();
    HttpUrl url = HttpUrl.parse(v);
    if (url == null) {
      throw new IllegalArgumentException("endpoint (" + source + ") is not an absolute http or https URL: '" + v + "'");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // No echo of the value: it holds credentials.
      throw new IllegalArgumentException("endpoint (" + source + ") must not carry a user name or password; "
          + "use a token instead");
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
  public static String checkToken(String token, String source) {
    if (token.isEmpty()) throw new IllegalArgumentException("the token (" + source + ") is empty");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("the token (" + source + ") contains a space, a control character or a "
            + "non-ASCII character at position " + i + "; a hub token is plain ASCII");
      }
    }
    return token;
  }

  /** A token file larger than this is not a token file (a device, a log): it is refused unread. */
  static final int MAX_TOKEN_FILE = 64 * 1024;

  /** The trimmed content of the token file, or {@code null} if it is missing or empty. */
  public static @Nullable String readTokenFile(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_TOKEN_FILE + 1);
      if (bytes.length > MAX_TOKEN_FILE) {
        throw new IllegalArgumentException("the token file " + file + " is larger than " + (MAX_TOKEN_FILE / 1024)
            + " KiB: not a token file");
      }
      String content = new String(bytes, StandardCharsets.UTF_8).trim();
      return content.isEmpty() ? null : content;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // The message names the file only: the content could be a token.
      throw new UncheckedIOException("cannot read the token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
