package io.hubshare;

import io.hubshare.transport.OkHttpTransport;
import io.hubshare.transport.Transport;
import io.hubshare.transport.TransportConfig;

/** Makes the HTTP transport a client talks through: the one place a real transport is constructed. */
final class Transports {
  private Transports() {}

  /** The OkHttp transport for a configuration. */
  static Transport create(TransportConfig config) {
    return new OkHttpTransport(config);
  }
}
