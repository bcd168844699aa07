package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A command test against a local stand-in for the Hub: one {@link MockWebServer} per test, started before it and
 * closed after it, whose address the command gets through {@code --endpoint}.
 */
abstract class LocalHubTest {
  final MockWebServer server = new MockWebServer();
  String endpoint;

  @BeforeEach
  final void startServer() throws Exception {
    server.start();
    endpoint = server.url("/").toString();
  }

  @AfterEach
  final void stopServer() {
    server.close();
  }

  /** The next request the server received, failing the test if none came within five seconds. */
  final RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  /** The next request, as {@link #take()}, checked to be a GET: the client only ever reads. */
  final RecordedRequest takeGet() throws InterruptedException {
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    return r;
  }
}
