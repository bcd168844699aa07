package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The repository is gated and the token has not been granted access. */
public class GatedRepositoryException extends HubException {
  public GatedRepositoryException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
