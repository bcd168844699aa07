package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.error.OfflineException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offline mode: the in-memory cache answers first; the transport answers from disk or throws OfflineException. */
class OfflineLookupTest {
  private static final String GPT2 = "https://huggingface.co/api/models/openai-community/gpt2";
  private static final String LLAMA = "https://huggingface.co/api/models/meta-llama/Llama-3.1-8B-Instruct";
  private final FakeTransport transport = new FakeTransport();

  @Test
  void offlineClientAsksTheTransportOnceThenAnswersFromMemory() {
    // The fake plays the transport in offline mode: gpt2 is in its disk cache, Llama is not.
    transport.answer(GPT2, Fixtures.gpt2Info())
        .fail(LLAMA, () -> new OfflineException("offline mode is on and GET /api/models/meta-llama/... is not "
            + "in the disk cache", LLAMA));
    HubClient hub = HubClient.builder().environment(Map.of("HF_HUB_OFFLINE", "1"))
        .transportFactory(transport.factory()).build();
    assertThat(transport.config.get().offline()).isTrue();

    assertThat(hub.models().get("openai-community/gpt2").id()).isEqualTo("openai-community/gpt2");
    assertThat(hub.models().get("openai-community/gpt2").id()).isEqualTo("openai-community/gpt2");
    assertThatThrownBy(() -> hub.models().get("meta-llama/Llama-3.1-8B-Instruct"))
        .isInstanceOf(OfflineException.class);
    assertThat(transport.urls()).containsExactly(GPT2, LLAMA);
  }
}
