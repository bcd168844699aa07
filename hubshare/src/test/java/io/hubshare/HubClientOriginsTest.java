package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.OriginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubClientOriginsTest {
  private final FakeTransport transport = new FakeTransport();

  private HubClient.Builder builder() {
    return HubClient.builder().environment(Map.of()).systemProperties(Map.of()).transportFactory(transport.factory());
  }

  @Test
  void originsDefaultToTheBundledRegistryAndNeedNoRequest() {
    try (HubClient hub = builder().build()) {
      assertThat(hub.origins().of("Qwen").country()).isEqualTo("CN");
      assertThat(hub.origins().of("someone-nobody-knows").kind()).isEqualTo(DeveloperKind.UNKNOWN);
    }
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void aCustomRegistrySurvivesToBuilder() {
    OriginRegistry mine = OriginRegistry.bundled().with(
        OriginRegistry.bundled().origin("my-lab", "My Lab", "DE", DeveloperKind.ACADEMIA, "https://example.org/about"));
    try (HubClient hub = builder().origins(mine).build(); HubClient sibling = hub.toBuilder().build()) {
      assertThat(hub.origins().of("my-lab").organization()).isEqualTo("My Lab");
      assertThat(sibling.origins()).isSameAs(mine);
    }
  }
}
