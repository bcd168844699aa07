package io.hubshare.internal.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A hub body that cannot be read as the expected wire format: not JSON, truncated, of the wrong shape, or without
 * a required field. The message says what is wrong and where, for example {@code "truncated JSON at offset 812"}
 * or {@code "item 3 (offset 1204): model without id (neither 'id' nor 'modelId')"}.
 *
 * <p>Unchecked. The parser's own exception, if any, is kept as the {@linkplain #getCause() cause} and never
 * thrown as such. The client turns this into {@link io.hubshare.error.MalformedResponseException}, adding the
 * status, URL and request id it alone knows.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public WireFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying parser failure
   */
  public WireFormatException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
