package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The hub failed (5xx) and retries did not help. */
public class ServerErrorException extends HubException {
  public ServerErrorException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
