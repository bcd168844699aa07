package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The hub refused the request as malformed (400, 422, other 4xx), for example an unknown expand field. */
public class BadRequestException extends HubException {
  public BadRequestException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
