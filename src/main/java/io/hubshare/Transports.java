package io.hubshare;

import io.hubshare.transport.Transport;
import io.hubshare.transport.TransportConfig;

/** Makes the HTTP transport a client talks through. */
final class Transports {
  private Transports() {}

  /** The transport for a configuration. */
  static Transport create(TransportConfig config) {
    throw new UnsupportedOperationException("the HTTP transport is not available in this build");
  }
}
