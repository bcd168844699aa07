package io.hubshare.hostile;

import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.transport.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against the hostile server: a fresh {@link HostileServer} per test, started and closed, and a fake time. */
abstract class HostileServerTest {
  final HostileServer server = new HostileServer();
  final FakeClock time = new FakeClock();

  @BeforeEach
  final void startServer() throws Exception {
    server.start();
  }

  @AfterEach
  final void stopServer() {
    server.close();
  }

  /** A listing of pages of {@code pageSize} (the hostile server may send what it likes). */
  static ModelQuery listing(int pageSize) {
    return ModelQuery.builder().pageSize(pageSize).build();
  }
}
