package io.hubshare.hostile;

import io.hubshare.HubClient;
import io.hubshare.internal.transport.FakeClock;
import java.util.Map;

/** What every hostile test shares: a token, a fake clock whose sleeper records waits, and a client builder. */
final class Hostile {
  static final String TOKEN = "hf_HostileSecret0123456789abcdefGHIJ";

  private Hostile() {}

  /** A client of {@code server}, with the test token, a fake clock and no retries unless asked. */
  static HubClient.Builder client(HostileServer server, FakeClock time) {
    return HubClient.builder().environment(Map.of()).systemProperties(Map.of()).endpoint(server.endpoint())
        .token(TOKEN).clock(time).sleeper(time.sleeper()::sleep).maxRetries(0);
  }
}
