package io.hubshare.internal.transport;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A transport test against a local server: a fresh {@link MockWebServer} per test, a fake clock, and a
 * {@link TestConfig} pointed at both, which a test adjusts before it builds its transport.
 */
abstract class LocalServerTest {
  final MockWebServer server = NoDelayServerSockets.server();
  final FakeClock clock = new FakeClock();
  TestConfig config;

  @BeforeEach
  final void startServer() throws Exception {
    server.start();
    config = new TestConfig(server.url("/"), clock);
  }

  @AfterEach
  final void stopServer() {
    server.close();
  }
}
