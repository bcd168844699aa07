package io.hubshare;

import io.hubshare.domain.Hub;

import io.hubshare.internal.protocol.HubProtocol;

import io.hubshare.internal.protocol.Discovery;

import io.hubshare.internal.protocol.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented precedence: builder, then system properties, then HF_* variables, then the token file. */
class ConfigurationDiscoveryTest {
  @TempDir Path home;
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> props = new HashMap<>();
  private final FakeTransport transport = new FakeTransport();

  @BeforeEach
  void noRealEnvironment() {
    props.put("user.home", home.toString());
  }

  private HubClient.Builder builder() {
    return HubClient.builder().environment(env).systemProperties(props).transportFactory(transport.factory());
  }

  private static final Discovery HF = HubProtocol.of(Hub.HUGGING_FACE).discovery();

  private ClientConfig discover() {
    return ClientConfig.discover(null, null, false, null, new Environment(env, props), HF);
  }

  private Path writeToken(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void defaultsToTheHuggingFaceHubWithoutToken() {
    try (HubClient hub = builder().build()) {
      assertThat(hub.endpoint()).hasToString("https://huggingface.co");
      assertThat(hub.hasToken()).isFalse();
      assertThat(hub.isOffline()).isFalse();
      assertThat(transport.config.get().token()).isNull();
      assertThat(transport.config.get().endpoint()).hasToString("https://huggingface.co/");
    }
  }

  @Test
  void hfEndpointLosesItsTrailingSlash() {
    env.put("HF_ENDPOINT", "https://hf-mirror.example.com/");
    assertThat(discover().endpoint()).hasToString("https://hf-mirror.example.com/");
    assertThat(builder().build().endpoint()).hasToString("https://hf-mirror.example.com");

    env.put("HF_ENDPOINT", "http://127.0.0.1:8080/mirror/");
    assertThat(builder().build().endpoint()).hasToString("http://127.0.0.1:8080/mirror");
  }

  @Test
  void systemPropertyEndpointBeatsHfEndpointAndBuilderBeatsBoth() {
    env.put("HF_ENDPOINT", "https://from-env.example");
    props.put("hubshare.endpoint", "https://from-property.example");
    assertThat(builder().build().endpoint()).hasToString("https://from-property.example");
    assertThat(builder().endpoint("https://from-builder.example").build().endpoint())
        .hasToString("https://from-builder.example");
  }

  @Test
  void malformedHfEndpointIsRefusedNamingItsSource() {
    env.put("HF_ENDPOINT", "huggingface.co");
    assertThatThrownBy(() -> builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HF_ENDPOINT")
        .hasMessageContaining("huggingface.co");
  }

  @Test
  void tokenPrecedenceIsBuilderThenPropertyThenHfTokenThenLegacyVariableThenFile() throws IOException {
    writeToken(home.resolve(".cache/huggingface/token"), "hf_file\n");
    assertThat(discover().token()).isEqualTo("hf_file");
    env.put("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
    assertThat(discover().token()).isEqualTo("hf_legacy");
    env.put("HF_TOKEN", "hf_env");
    assertThat(discover().token()).isEqualTo("hf_env");
    assertThat(discover().tokenSource()).isEqualTo("HF_TOKEN");
    props.put("hubshare.token", "hf_property");
    assertThat(discover().token()).isEqualTo("hf_property");
    assertThat(builder().token("hf_builder").build().transportConfig().token()).isEqualTo("hf_builder");
  }

  @Test
  void blankVariablesCountAsUnset() {
    env.put("HF_TOKEN", "  ");
    env.put("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
    env.put("HF_ENDPOINT", "");
    ClientConfig c = discover();
    assertThat(c.token()).isEqualTo("hf_legacy");
    assertThat(c.endpoint()).hasToString("https://huggingface.co/");
  }

  @Test
  void tokenFileFromHfTokenPathThenHfHomeThenXdgCacheHomeThenHome() throws IOException {
    writeToken(home.resolve(".cache/huggingface/token"), "hf_home");
    assertThat(discover().token()).isEqualTo("hf_home");

    Path xdg = home.resolve("xdg");
    writeToken(xdg.resolve("huggingface/token"), "hf_xdg");
    env.put("XDG_CACHE_HOME", xdg.toString());
    assertThat(discover().token()).isEqualTo("hf_xdg");

    Path hfHome = home.resolve("hf-home");
    writeToken(hfHome.resolve("token"), "  hf_hfhome \n");
    env.put("HF_HOME", hfHome.toString());
    assertThat(discover().token()).isEqualTo("hf_hfhome");
    assertThat(discover().tokenSource()).isEqualTo("token file " + hfHome.resolve("token"));

    Path explicit = writeToken(home.resolve("elsewhere/my-token"), "hf_path");
    env.put("HF_TOKEN_PATH", explicit.toString());
    assertThat(discover().token()).isEqualTo("hf_path");
  }

  @Test
  void tildeInTokenPathMeansTheInjectedHome() throws IOException {
    writeToken(home.resolve("tokens/hf"), "hf_tilde");
    env.put("HF_TOKEN_PATH", "~/tokens/hf");
    assertThat(discover().token()).isEqualTo("hf_tilde");
  }

  @Test
  void missingOrEmptyTokenFileMeansAnonymous() throws IOException {
    env.put("HF_TOKEN_PATH", home.resolve("nothing-here").toString());
    assertThat(discover().token()).isNull();
    writeToken(home.resolve("empty"), " \n");
    env.put("HF_TOKEN_PATH", home.resolve("empty").toString());
    assertThat(discover().token()).isNull();
    assertThat(discover().tokenSource()).isEqualTo("none");
  }

  @Test
  void unreadableTokenFileFailsNamingTheFileNotItsContent() throws IOException {
    Path dir = Files.createDirectories(home.resolve("token-is-a-directory"));
    env.put("HF_TOKEN_PATH", dir.toString());
    assertThatThrownBy(this::discover)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(dir.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "YES", "on"})
  void disableImplicitTokenSilencesEnvironmentAndFile(String value) throws IOException {
    writeToken(home.resolve(".cache/huggingface/token"), "hf_file");
    env.put("HF_HUB_DISABLE_IMPLICIT_TOKEN", value);
    assertThat(discover().token()).isNull();
    env.put("HF_TOKEN", "hf_env");
    assertThat(discover().token()).isNull();
    assertThat(discover().tokenSource()).contains("HF_HUB_DISABLE_IMPLICIT_TOKEN");
  }

  @Test
  void disableImplicitTokenKeepsExplicitTokens() {
    env.put("HF_HUB_DISABLE_IMPLICIT_TOKEN", "1");
    env.put("HF_TOKEN", "hf_env");
    assertThat(builder().token("hf_builder").build().transportConfig().token()).isEqualTo("hf_builder");
    props.put("hubshare.token", "hf_property");
    assertThat(discover().token()).isEqualTo("hf_property");
  }

  @Test
  void disableImplicitTokenWithAFalseValueChangesNothing() {
    env.put("HF_HUB_DISABLE_IMPLICIT_TOKEN", "0");
    env.put("HF_TOKEN", "hf_env");
    assertThat(discover().token()).isEqualTo("hf_env");
  }

  @Test
  void anonymousIgnoresEveryTokenButALaterExplicitOne() throws IOException {
    writeToken(home.resolve(".cache/huggingface/token"), "hf_file");
    env.put("HF_TOKEN", "hf_env");
    props.put("hubshare.token", "hf_property");
    try (HubClient hub = builder().anonymous().build()) {
      assertThat(hub.hasToken()).isFalse();
      assertThat(transport.config.get().token()).isNull();
    }
    assertThat(builder().anonymous().token("hf_builder").build().transportConfig().token()).isEqualTo("hf_builder");
  }

  @Test
  void offlineFromHfHubOfflineThenPropertyThenBuilder() {
    env.put("HF_HUB_OFFLINE", "1");
    assertThat(builder().build().isOffline()).isTrue();
    assertThat(transport.config.get().offline()).isTrue();
    props.put("hubshare.offline", "false");
    assertThat(builder().build().isOffline()).isFalse();
    props.put("hubshare.offline", "true");
    env.remove("HF_HUB_OFFLINE");
    assertThat(builder().build().isOffline()).isTrue();
    assertThat(builder().offline(false).build().isOffline()).isFalse();
  }

  @Test
  void malformedTokenFromTheEnvironmentIsRefusedWithoutShowingIt() {
    env.put("HF_TOKEN", "hf_secret value");
    assertThatThrownBy(() -> builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HF_TOKEN")
        .hasMessageNotContaining("secret");
  }

  @Test
  void settingOnlyTheEnvironmentReadsNoRealSystemProperty() {
    // user.home is unknown: no default token file, whatever the real home holds.
    ClientConfig c = ClientConfig.discover(null, null, false, null, new Environment(Map.of(), Map.of()), HF);
    assertThat(c.token()).isNull();
    assertThat(c.tokenSource()).isEqualTo("none");
  }
}
