package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/** No usable response arrived: connection refused or reset, timeout, TLS failure, body cut short. Retried first. */
public class TransportException extends HubException {
  public TransportException(String message, @Nullable String url, @Nullable Throwable cause) {
    super(message, 0, null, null, url, cause);
  }
}
