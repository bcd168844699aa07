package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** Offline mode ({@code HF_HUB_OFFLINE=1}) is on and the answer is not in the cache. */
public class OfflineException extends HubException {
  public OfflineException(String message, @Nullable String url) {
    super(message, 0, null, null, url, null);
  }
}
