package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Reads one model and one small page from the real ModelScope (or {@code MODELSCOPE_ENDPOINT}), to check the
 * hand-written fixtures against the live service. Runs only with {@code HUBSHARE_LIVE=1}, never in CI:
 * {@code HUBSHARE_LIVE=1 mvn test -pl hubshare -Dtest.excludedGroups= -Dtest=LiveModelScopeSmokeTest}. Reads
 * metadata only; it downloads no model file. When it fails, the fixtures (and docs/modelscope.md) need a look.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "HUBSHARE_LIVE", matches = "1")
class LiveModelScopeSmokeTest {

  @Test
  void readsOneModelAndOnePageOfQwen() {
    try (HubClient ms = HubClient.create(Hub.MODELSCOPE)) {
      Model qwen = ms.models().get("Qwen/Qwen2.5-0.5B");
      assertThat(qwen.hub()).isEqualTo(Hub.MODELSCOPE);
      assertThat(qwen.id()).isEqualToIgnoringCase("Qwen/Qwen2.5-0.5B");
      assertThat(qwen.downloads().allTime()).as("cumulative downloads").isPositive();
      assertThat(qwen.downloads().last30Days()).isNull();
      assertThat(qwen.createdAt()).isNotNull();

      Model card = ms.models().get("Qwen/Qwen2.5-0.5B-Instruct", null, "baseModels");
      assertThat(card.baseModels()).as("the card of an instruct model names its base").isNotEmpty();

      Page<Model> page = ms.models().list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(5)
          .build()).pages().iterator().next();
      assertThat(page.items()).hasSize(5).allMatch(m -> m.id().toLowerCase(java.util.Locale.ROOT).startsWith("qwen/"));
      assertThat(page.total()).as("ModelScope says how many models the listing holds").isGreaterThan(5);
      assertThat(page.nextCursor()).isEqualTo("page_number=2&page_size=5");
    }
  }
}
