package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The token is missing, invalid or lacks the permission (401 or 403 that is not a missing repository). */
public class UnauthorizedException extends HubException {
  public UnauthorizedException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
