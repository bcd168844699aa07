package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The hub answered with a body hubshare cannot read: not JSON, truncated, or of an unexpected shape. */
public class MalformedResponseException extends HubException {
  public MalformedResponseException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
