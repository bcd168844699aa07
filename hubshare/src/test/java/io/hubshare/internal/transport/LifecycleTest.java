package io.hubshare.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, what close() stops, a caller's client left alone, and settings refused up front. */
class LifecycleTest extends LocalServerTest {
  @TempDir Path cacheDir;

  @BeforeEach
  void cacheOnDisk() {
    config.diskCacheDir = cacheDir;
  }

  private HubRequest info() {
    return new HubRequest(server.url("/api/models/a/b"), HubRequest.Kind.MODEL_INFO, "a/b", null);
  }

  @Test
  void timeoutsComeFromTheConfigAndRedirectsAndRetriesAreLeftToTheTransport() {
    config.connectTimeout = Duration.ofMillis(1234);
    config.readTimeout = Duration.ofMillis(5678);
    try (OkHttpTransport transport = config.transport()) {
      OkHttpClient client = transport.client();
      assertThat(client.connectTimeoutMillis()).isEqualTo(1234);
      assertThat(client.readTimeoutMillis()).isEqualTo(5678);
      assertThat(client.followRedirects()).isFalse();
      assertThat(client.followSslRedirects()).isFalse();
      assertThat(client.retryOnConnectionFailure()).isFalse();
    }
  }

  @Test
  void aPlainHttpEndpointStartsWithoutTlsAndAnHttpsUrlGetsASiblingWithTlsSharingPoolThreadsAndCache() {
    try (OkHttpTransport transport = config.transport()) {
      HttpClients clients = HttpClients.build(transport.client().newBuilder(), config.endpoint, true);
      OkHttpClient plain = clients.main();
      assertThat(plain.connectionSpecs()).containsExactly(okhttp3.ConnectionSpec.CLEARTEXT);
      assertThat(clients.forUrl(server.url("/x"))).isSameAs(plain);

      OkHttpClient tls = clients.forUrl(okhttp3.HttpUrl.get("https://hub.example/api/models"));
      assertThat(tls.connectionSpecs()).contains(okhttp3.ConnectionSpec.MODERN_TLS);
      assertThat(clients.forUrl(okhttp3.HttpUrl.get("https://other.example/"))).isSameAs(tls);
      assertThat(tls.connectionPool()).isSameAs(plain.connectionPool());
      assertThat(tls.dispatcher()).isSameAs(plain.dispatcher());
      assertThat(tls.cache()).isSameAs(plain.cache());
    }
    // An https endpoint, or a caller's client, keeps TLS from the start.
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    HttpClients https = HttpClients.build(b, okhttp3.HttpUrl.get("https://huggingface.co"), true);
    assertThat(https.main().connectionSpecs()).contains(okhttp3.ConnectionSpec.MODERN_TLS);
    HttpClients callers = HttpClients.build(new OkHttpClient.Builder(), config.endpoint, false);
    assertThat(callers.main().connectionSpecs()).contains(okhttp3.ConnectionSpec.MODERN_TLS);
    assertThat(callers.forUrl(okhttp3.HttpUrl.get("https://hub.example/"))).isSameAs(callers.main());
  }

  @Test
  void aRedirectFromAPlainHttpEndpointToHttpsIsFollowedWithTls() throws Exception {
    // The https side is a socket that notes the first byte it receives: a TLS handshake starts with 0x16, where a
    // client without TLS would have sent "GET".
    try (java.net.ServerSocket tlsSide = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.util.concurrent.CompletableFuture<Integer> firstByte = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try (java.net.Socket s = tlsSide.accept()) {
          return s.getInputStream().read();
        } catch (java.io.IOException e) {
          return -2;
        }
      });
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", "https://127.0.0.1:" + tlsSide.getLocalPort() + "/api/models/a/c").build());
      config.maxRetries = 0;
      try (OkHttpTransport transport = config.transport()) {
        assertThatThrownBy(() -> transport.get(info())).isInstanceOf(io.hubshare.error.TransportException.class)
            .hasMessageContaining("https://");
      }
      assertThat(firstByte.get(10, TimeUnit.SECONDS)).as("the first byte sent: a TLS record").isEqualTo(0x16);
    }
  }

  @Test
  void closeShutsDownItsOwnThreadsConnectionsAndCache() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OkHttpTransport transport = config.transport();
    transport.get(info());
    OkHttpClient client = transport.client();
    assertThat(client.connectionPool().connectionCount()).isEqualTo(1);

    transport.close();
    transport.close(); // idempotent

    assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
    assertThat(client.connectionPool().connectionCount()).isZero();
    assertThat(client.cache().isClosed()).isTrue();
    assertThatThrownBy(() -> transport.get(info())).isInstanceOf(IllegalStateException.class)
        .hasMessage("the transport is closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/models/a/b");
  }

  @Test
  void aCallersClientSharesItsPoolAndStaysOpen() throws Exception {
    OkHttpClient base = new OkHttpClient.Builder().build();
    config.baseClient = base;
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("still open").build());

    OkHttpTransport transport = config.transport();
    assertThat(transport.client().connectionPool()).isSameAs(base.connectionPool());
    assertThat(transport.client().dispatcher()).isSameAs(base.dispatcher());
    assertThat(transport.get(info()).body()).isEqualTo("{}");
    transport.close();

    assertThat(transport.client().cache().isClosed()).as("the cache it created").isTrue();
    assertThat(base.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(base.connectionPool().connectionCount()).as("the pooled connection survives").isEqualTo(1);
    assertThat(base.followRedirects()).as("the caller's client is unchanged").isTrue();
    try (Response response = base.newCall(new Request.Builder().url(server.url("/again")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("still open");
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestConfig.TOKEN);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).as("same connection, reused")
        .isEqualTo(0);
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
  }

  @Test
  void refusesSettingsItCannotHonour() {
    assertRefused(c -> c.maxRetries = -1, "maxRetries must be 0 or more, was -1");
    assertRefused(c -> c.readTimeout = Duration.ofSeconds(-1), "readTimeout must not be negative, was PT-1S");
    assertRefused(c -> c.connectTimeout = null, "connectTimeout must be set");
    assertRefused(c -> c.maxBackoff = Duration.ofMillis(100),
        "maxBackoff (PT0.1S) must not be shorter than initialBackoff (PT0.5S)");
    assertRefused(c -> c.userAgent = " ", "userAgent must not be blank");
    assertRefused(c -> c.diskCacheMaxBytes = 0, "diskCacheMaxBytes must be positive when diskCacheDir is set, was 0");
    assertRefused(c -> c.token = TestConfig.TOKEN + "\n",
        "the token is blank or contains a line break or control character");
    assertThat(server.getRequestCount()).isZero();
  }

  private void assertRefused(Consumer<TestConfig> change, String message) {
    TestConfig bad = new TestConfig(server.url("/"), clock);
    bad.diskCacheDir = cacheDir;
    change.accept(bad);
    assertThatThrownBy(bad::transport).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
