package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** The repository exists but the revision (branch, tag or commit) does not. */
public class RevisionNotFoundException extends HubException {
  public RevisionNotFoundException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, statusCode, errorCode, requestId, url, cause);
  }
}
