package io.hubshare.internal.transport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A response body read in full: the bytes as they came (after any decompression) and the charset the response
 * names, decoded into text only when text is asked for, and then once. A reader that parses bytes (a JSON field
 * reader) never pays for the text; one that reads text gets exactly what decoding the bytes in that charset gives,
 * malformed sequences replaced, as before bytes were kept.
 */
public final class Body {
  private final byte @Nullable [] bytes;
  private final Charset charset;
  private volatile @Nullable String text;

  private Body(byte @Nullable [] bytes, Charset charset, @Nullable String text) {
    this.bytes = bytes;
    this.charset = charset;
    this.text = text;
  }

  /** The bytes of a body in {@code charset}. The array is kept, not copied: it must not change afterwards. */
  public static Body of(byte[] bytes, Charset charset) {
    return new Body(Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(charset, "charset"), null);
  }

  /** A body known as text (a test's answer, a body with the token masked). */
  public static Body ofText(String text) {
    return new Body(null, StandardCharsets.UTF_8, Objects.requireNonNull(text, "text"));
  }

  /** The text, decoded on first use. */
  public String text() {
    String t = text;
    if (t == null) {
      t = new String(bytes, charset);
      text = t;
    }
    return t;
  }

  /**
   * The body as UTF-8 bytes: those received when the response was UTF-8 (or named no charset), else the text
   * encoded. The array is shared: it must not be changed.
   */
  public byte[] utf8() {
    if (bytes != null && charset.equals(StandardCharsets.UTF_8)) return bytes;
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether {@link #utf8()} are the bytes as received: a parser of bytes then sees what was sent, and may meet a
   * malformed sequence that decoding into text would have replaced.
   */
  public boolean receivedAsUtf8() {
    return bytes != null && charset.equals(StandardCharsets.UTF_8);
  }

  /** How many bytes were received, or the text's length in UTF-16 units for a body given as text. */
  public int size() {
    return bytes != null ? bytes.length : text().length();
  }

  /** The size, never the content: a body may hold what a hub echoed. */
  @Override
  public String toString() {
    return "Body[" + size() + (bytes != null ? " bytes, " + charset.name() : " chars") + "]";
  }
}
