package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MODELSCOPE_ENDPOINT, MODELSCOPE_DOMAIN, MODELSCOPE_API_TOKEN and the credentials file, as the SDKs read them. */
class MsDiscoveryTest {
  private static final Clock BEFORE_EXPIRY = Clock.fixed(Instant.parse("2026-08-30T00:00:00Z"), ZoneOffset.UTC);
  private final MsDiscovery discovery = new MsDiscovery(BEFORE_EXPIRY);

  private static Environment env(Map<String, String> variables, String home) {
    return new Environment(variables, Map.of("user.home", home));
  }

  @Test
  void theEndpointComesFromModelscopeEndpointElseTheDeprecatedDomainElseTheDefault() {
    Discovery.Found<okhttp3.HttpUrl> e = discovery.endpoint(env(Map.of("MODELSCOPE_ENDPOINT", "https://www.modelscope.ai/",
        "MODELSCOPE_DOMAIN", "ignored.example"), "/h"));
    assertThat(e.value()).hasToString("https://www.modelscope.ai/");
    assertThat(e.source()).isEqualTo("MODELSCOPE_ENDPOINT");
    Discovery.Found<okhttp3.HttpUrl> d = discovery.endpoint(env(Map.of("MODELSCOPE_DOMAIN", "modelscope.ai"), "/h"));
    assertThat(d.value()).as("a bare host gets https://").hasToString("https://modelscope.ai/");
    assertThat(d.source()).contains("deprecated");
    assertThat(discovery.endpoint(env(Map.of(), "/h")).value()).isNull();
    assertThat(discovery.defaultEndpoint()).hasToString("https://modelscope.cn/");
    assertThatThrownBy(() -> discovery.endpoint(env(Map.of("MODELSCOPE_ENDPOINT", "https://u:p@x.example"), "/h")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODELSCOPE_ENDPOINT");
  }

  @Test
  void theTokenComesFromTheVariableBeforeTheCredentialsFile(@TempDir Path home) throws Exception {
    writeCredentials(home.resolve(".modelscope/credentials"), "save-token-protocol-4.pickle");
    Discovery.Found<String> fromVariable = discovery.token(env(Map.of("MODELSCOPE_API_TOKEN", " ms-var "),
        home.toString()));
    assertThat(fromVariable.value()).isEqualTo("ms-var");
    assertThat(fromVariable.source()).isEqualTo("MODELSCOPE_API_TOKEN");
    Discovery.Found<String> fromFile = discovery.token(env(Map.of(), home.toString()));
    assertThat(fromFile.value()).isEqualTo("ms-5f0c1e2d-test-token-not-real");
    assertThat(fromFile.source()).startsWith("credentials file ").endsWith("cookies")
        .doesNotContain("ms-5f0c1e2d");
  }

  @Test
  void theCredentialsDirectoryFollowsTheSdksVariables(@TempDir Path dir) throws Exception {
    writeCredentials(dir.resolve("legacy"), "login-jar.pickle");
    writeCredentials(dir.resolve("mshome/credentials"), "save-token-protocol-2.pickle");
    assertThat(discovery.token(env(Map.of("MODELSCOPE_CREDENTIALS_PATH", dir.resolve("legacy").toString()),
        "/nowhere")).source()).contains("legacy");
    assertThat(discovery.token(env(Map.of("MODELSCOPE_HOME", dir.resolve("mshome").toString()), "/nowhere"))
        .value()).isNotNull();
    assertThat(discovery.token(env(Map.of(), dir.toString())).value()).as("no ~/.modelscope").isNull();
  }

  @Test
  void anExpiredOrMissingSessionIsNoToken(@TempDir Path home) throws Exception {
    Path creds = home.resolve(".modelscope/credentials");
    writeCredentials(creds, "save-token-protocol-4.pickle");
    MsDiscovery later = new MsDiscovery(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    Discovery.Found<String> expired = later.token(env(Map.of(), home.toString()));
    assertThat(expired.value()).isNull();
    assertThat(expired.source()).contains("no unexpired session");
    writeCredentials(creds, "malicious.pickle");
    assertThat(discovery.token(env(Map.of(), home.toString())).value()).isNull();
    assertThat(discovery.offline(env(Map.of("HF_HUB_OFFLINE", "1"), "/h"))).isFalse();
    assertThat(discovery.tokenVariable()).isEqualTo("MODELSCOPE_API_TOKEN");
  }

  @Test
  void aClientOfModelscopeFindsItsEndpointAndCredentialsInTheEnvironment(@TempDir Path home) throws Exception {
    writeCredentials(home.resolve(".modelscope/credentials"), "far-future.pickle");
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(MsFixtures.response("model-openapi-qwen2.5-7b-instruct"));
      try (HubClient hub = HubClient.builder().hub(Hub.MODELSCOPE)
          .environment(Map.of("MODELSCOPE_ENDPOINT", server.url("/").toString(), "HF_TOKEN", "hf_not_for_modelscope"))
          .systemProperties(Map.of("user.home", home.toString())).build()) {
        assertThat(hub.endpoint()).hasToString(server.url("/").toString().replaceAll("/$", ""));
        assertThat(hub.toString()).doesNotContain("ms-far-future");
        hub.models().get("Qwen/Qwen2.5-7B-Instruct");
      }
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ms-far-future-test-token");
    }
  }

  private static void writeCredentials(Path dir, String fixture) throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("cookies"), PickledCookiesTest.pickle(fixture));
  }
}
