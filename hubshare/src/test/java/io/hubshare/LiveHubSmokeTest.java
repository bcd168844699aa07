package io.hubshare;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Page;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Reads one model and one small page from the real hub (or {@code HF_ENDPOINT}). Runs only with
 * {@code HUBSHARE_LIVE=1}, never in CI:
 * {@code HUBSHARE_LIVE=1 mvn test -pl hubshare -Dgroups=live -Dtest.excludedGroups=}.
 * Reads metadata only; it downloads no model file.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "HUBSHARE_LIVE", matches = "1")
class LiveHubSmokeTest {

  @Test
  void readsOneModelAndOnePage() {
    try (HubClient hub = HubClient.create()) {
      Model gpt2 = hub.models().get("openai-community/gpt2");
      assertThat(gpt2.id()).isEqualTo("openai-community/gpt2");
      assertThat(gpt2.downloads().last30Days()).isPositive();

      Page<Model> page = hub.models()
          .list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(5).build())
          .pages().iterator().next();
      List<Model> items = page.items();
      assertThat(items).hasSize(5).allMatch(m -> m.id().startsWith("Qwen/"));
      assertThat(page.nextCursor()).isNotBlank();
    }
  }
}
