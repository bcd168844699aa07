package io.hubshare;

import io.hubshare.internal.transport.OkHttpTransport;
import io.hubshare.internal.transport.Transport;
import io.hubshare.internal.transport.TransportConfig;

/** Makes the HTTP transport a client talks through: the one place a real transport is constructed. */
final class Transports {
  private Transports() {}

  /** The OkHttp transport for a configuration. */
  static Transport create(TransportConfig config) {
    return new OkHttpTransport(config);
  }
}
