package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The repository (or account) does not exist, or is private and the token cannot see it. The Hub often answers 401, not 404, for a missing repository: both land here, and the message names the id. */
public class RepositoryNotFoundException extends HubException {
  public RepositoryNotFoundException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
