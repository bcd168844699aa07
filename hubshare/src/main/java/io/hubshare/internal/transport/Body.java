package io.hubshare.internal.transport;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A response body read in full: the bytes as they came (after any decompression), kept in the buffer they were read
 * into, and the charset the response names; decoded into text only when text is asked for, and then once. A reader
 * that parses bytes (a JSON field reader) never pays for the text, nor for a copy of the bytes; one that reads text
 * gets exactly what decoding the bytes in that charset gives, malformed sequences replaced, as before bytes were
 * kept.
 */
public final class Body {
  private final @Nullable Buffer bytes;
  private final Charset charset;
  private volatile @Nullable String text;

  private Body(@Nullable Buffer bytes, Charset charset, @Nullable String text) {
    this.bytes = bytes;
    this.charset = charset;
    this.text = text;
  }

  /** The bytes of a body in {@code charset}, taken over: the buffer must not be used afterwards. */
  static Body of(Buffer bytes, Charset charset) {
    return new Body(Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(charset, "charset"), null);
  }

  /** The bytes of a body in {@code charset}. */
  public static Body of(byte[] bytes, Charset charset) {
    return of(new Buffer().write(bytes), charset);
  }

  /** A body known as text (a test's answer, a body with the token masked). */
  public static Body ofText(String text) {
    return new Body(null, StandardCharsets.UTF_8, Objects.requireNonNull(text, "text"));
  }

  /** The text, decoded on first use. */
  public String text() {
    String t = text;
    if (t == null) {
      // A copy of the buffer shares its bytes: reading it leaves them for utf8() and later readers.
      t = Objects.requireNonNull(bytes, "bytes").clone().readString(charset);
      text = t;
    }
    return t;
  }

  /**
   * The body as UTF-8 bytes, read from a stream: those received when the response was UTF-8 (or named no charset),
   * else the text encoded. Each call gives a new stream over the same bytes, none of them copied.
   */
  public InputStream utf8() {
    if (bytes != null && charset.equals(StandardCharsets.UTF_8)) return bytes.clone().inputStream();
    return new Buffer().writeString(text(), StandardCharsets.UTF_8).inputStream();
  }

  /**
   * Whether {@link #utf8()} gives the bytes as received: a parser of bytes then sees what was sent, and may meet a
   * malformed sequence that decoding into text would have replaced.
   */
  public boolean receivedAsUtf8() {
    return bytes != null && charset.equals(StandardCharsets.UTF_8);
  }

  /** How many bytes were received, or the text's length in UTF-16 units for a body given as text. */
  public long size() {
    return bytes != null ? bytes.size() : text().length();
  }

  /** The size, never the content: a body may hold what a hub echoed. */
  @Override
  public String toString() {
    return "Body[" + size() + (bytes != null ? " bytes, " + charset.name() : " chars") + "]";
  }
}
