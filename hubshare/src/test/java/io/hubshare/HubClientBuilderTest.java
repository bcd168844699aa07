package io.hubshare;

import io.hubshare.hub.ModelQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.internal.transport.TransportConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubClientBuilderTest {
  private final FakeTransport transport = new FakeTransport();

  private HubClient.Builder builder() {
    return HubClient.builder().environment(Map.of()).systemProperties(Map.of()).transportFactory(transport.factory());
  }

  @Test
  void everySettingReachesTheTransport(@TempDir Path dir) {
    OkHttpClient shared = new OkHttpClient();
    Clock clock = Clock.fixed(Instant.parse("2026-08-20T00:00:00Z"), ZoneOffset.UTC);
    List<Duration> waits = new ArrayList<>();
    Sleeper sleeper = waits::add;
    builder().endpoint(URI.create("http://127.0.0.1:8080/")).token(" hf_abc ").connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(7)).maxRetries(0).backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
        .diskCache(dir, 1_000_000).offline(true).paceRateLimit(false).okHttpClient(shared).clock(clock)
        .sleeper(sleeper).build();

    TransportConfig c = transport.config.get();
    assertThat(c.endpoint()).hasToString("http://127.0.0.1:8080/");
    assertThat(c.token()).isEqualTo("hf_abc");
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.maxRetries()).isZero();
    assertThat(c.initialBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(c.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.diskCacheDir()).isEqualTo(dir);
    assertThat(c.diskCacheMaxBytes()).isEqualTo(1_000_000);
    assertThat(c.offline()).isTrue();
    assertThat(c.paceRateLimit()).isFalse();
    assertThat(c.baseClient()).isSameAs(shared);
    assertThat(c.clock()).isSameAs(clock);
    assertThatCode(() -> c.sleeper().sleep(Duration.ofSeconds(7))).doesNotThrowAnyException();
    assertThat(waits).as("the transport waits through the builder's sleeper").containsExactly(Duration.ofSeconds(7));
    assertThat(c.userAgent()).isEqualTo(UserAgentTest.expected());
  }

  @Test
  void defaultsAreDocumented() {
    builder().build();
    TransportConfig c = transport.config.get();
    assertThat(c.maxRetries()).isEqualTo(HubClient.Builder.DEFAULT_MAX_RETRIES).isEqualTo(3);
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.paceRateLimit()).isTrue();
    assertThat(c.diskCacheDir()).isNull();
    assertThat(c.baseClient()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"huggingface.co", "ftp://hub.example", "https://", "https://user:pw@hub.example",
      "https://hub.example/?q=1", "https://hub.example/#top", " ", "not a url"})
  void malformedEndpointsAreRefusedAtOnce(String endpoint) {
    assertThatThrownBy(() -> HubClient.builder().endpoint(endpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint");
  }

  @Test
  void endpointWithCredentialsIsRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> HubClient.builder().endpoint("https://me:s3cret@hub.example"))
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void settersCheckTheirArgumentsAtOnce() {
    HubClient.Builder b = HubClient.builder();
    assertThatThrownBy(() -> b.connectTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must not be negative");
    assertThatThrownBy(() -> b.readTimeout(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> b.readTimeout(Duration.ofNanos(10))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("millisecond");
    assertThatThrownBy(() -> b.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> b.maxRetries(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial backoff");
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max backoff");
    assertThatThrownBy(() -> b.cacheTtl(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheTtl");
    assertThatThrownBy(() -> b.cacheMaximumSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheMaximumSize");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.sleeper(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.okHttpClient(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.environment(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.endpoint((URI) null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void diskCacheNeedsADirectoryAndAPositiveSize(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(() -> HubClient.builder().diskCache(file, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> HubClient.builder().diskCache(dir, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hf_a b", "hf_a\nb", "hf_é"})
  void malformedTokensAreRefusedWithoutShowingThem(String token) {
    assertThatThrownBy(() -> HubClient.builder().token(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token");
    if (token.length() > 3) {
      assertThatThrownBy(() -> HubClient.builder().token(token)).hasMessageNotContaining(token.trim());
    }
  }

  @Test
  void toStringNeverShowsTheToken() {
    String secret = "hf_VerySecretTokenValue123";
    HubClient.Builder b = builder().token(secret);
    assertThat(b.toString()).doesNotContain(secret).contains("****");
    try (HubClient hub = b.build()) {
      assertThat(hub.toString()).doesNotContain(secret).contains("token=**** from builder");
      assertThat(hub.toBuilder().toString()).doesNotContain(secret);
      assertThat(hub.transportConfig().toString()).doesNotContain(secret);
    }
    try (HubClient hub = builder().environment(Map.of("HF_TOKEN", secret)).build()) {
      assertThat(hub.toString()).doesNotContain(secret).contains("token=**** from HF_TOKEN");
    }
  }

  @Test
  void toBuilderDerivesASiblingWithTheSameResolvedSettings() {
    HubClient hub = HubClient.builder().environment(Map.of("HF_TOKEN", "hf_env", "HF_ENDPOINT", "https://m.example/"))
        .systemProperties(Map.of()).maxRetries(1).transportFactory(transport.factory()).build();
    // The sibling no longer reads the environment: what the first client resolved is fixed.
    HubClient sibling = hub.toBuilder().environment(Map.of()).offline(true).build();
    TransportConfig c = transport.config.get();
    assertThat(sibling.endpoint()).hasToString("https://m.example");
    assertThat(c.token()).isEqualTo("hf_env");
    assertThat(c.maxRetries()).isEqualTo(1);
    assertThat(c.offline()).isTrue();
    assertThat(hub.isOffline()).isFalse();
  }

  @Test
  void toBuilderOfAnAnonymousClientStaysAnonymous() {
    HubClient hub = builder().build();
    assertThat(hub.toString()).contains("token=none");
    HubClient sibling = hub.toBuilder().environment(Map.of("HF_TOKEN", "hf_env")).build();
    assertThat(sibling.hasToken()).isFalse();
  }

  @Test
  void closeClosesTheTransportOnceAndRefusesLaterCalls() {
    HubClient hub = builder().build();
    hub.close();
    hub.close();
    assertThat(transport.closed).isTrue();
    assertThat(hub.toString()).contains("closed");
    assertThatThrownBy(() -> hub.models().get("openai-community/gpt2")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> hub.accounts().get("Qwen")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> hub.models().list(ModelQuery.builder().build()).iterator().hasNext())
        .isInstanceOf(IllegalStateException.class);
    assertThat(transport.requests()).isEmpty();
  }
}
