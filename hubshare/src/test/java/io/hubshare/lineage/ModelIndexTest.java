package io.hubshare.lineage;

import org.jspecify.annotations.Nullable;
import static io.hubshare.lineage.Crafted.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import io.hubshare.hub.PagedIterable;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.UnauthorizedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelIndexTest {
  private static final String INSTRUCT = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String BASE = "meta-llama/Llama-3.1-8B";

  /** A hub that answers info calls from recorded bodies or with the error a case needs, and notes each call. */
  static final class HubDouble implements Models {
    final List<String> requested = new ArrayList<>();
    final Map<String, Supplier<Model>> answers = new HashMap<>();

    @Override
    public Model get(String id, @Nullable String revision, String... expand) {
      if (revision != null || expand.length > 0) {
        throw new AssertionError("a lineage walk reads the default revision and fields only");
      }
      requested.add(id);
      Supplier<Model> answer = answers.get(id);
      if (answer == null) {
        throw new RepositoryNotFoundException("Repository Not Found for url: https://huggingface.co/api/models/"
            + id, 404, "RepoNotFound", "req-1", "https://huggingface.co/api/models/" + id, null);
      }
      return answer.get();
    }

    @Override
    public PagedIterable<Model> list(ModelQuery query) {
      throw new AssertionError("a lineage walk lists nothing");
    }
  }

  @Test
  void inMemoryFindsByIdIgnoringCaseAndKeepsTheLastReading() {
    Model first = model("a/A", 1L);
    Model second = model("a/A", 2L);
    ModelIndex index = ModelIndex.of(List.of(first, second));
    assertThat(index.find("a/A")).isSameAs(second);
    assertThat(index.find("A/a")).isSameAs(second);
    assertThat(index.find("b/B")).isNull();
    assertThat(index).hasToString("ModelIndex.of[1 models]");
  }

  @Test
  void theSampleFallsBackToTheHubForWhatItLacks() {
    // The offline index lacks Meta's models; the hub serves the recorded info of Llama-3.1-8B-Instruct and
    // refuses the gated base.
    HubDouble hub = new HubDouble();
    hub.answers.put(INSTRUCT, () -> HubSample.recordedInfo("meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json"));
    hub.answers.put(BASE, () -> {
      throw new GatedRepositoryException("Access to model " + BASE + " is restricted", 403, "GatedRepo", "req-2",
          "https://huggingface.co/api/models/" + BASE, null);
    });
    ModelIndex offline = ModelIndex.of(HubSample.models().stream()
        .filter(m -> !m.id().startsWith("meta-llama/")).toList());
    LineageWalker walker = new LineageWalker(offline.orElse(ModelIndex.fetching(hub)));

    Lineage fp8 = walker.walk("RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8");
    assertThat(fp8.chain()).containsExactly(
        new LineageStep(INSTRUCT, Relation.QUANTIZED, false, List.of()),
        new LineageStep(BASE, Relation.FINETUNE, true, List.of()));
    assertThat(fp8.end()).isEqualTo(Lineage.End.MISSING);
    assertThat(hub.requested).containsExactly(INSTRUCT, BASE);

    // A sibling shares both ancestors: the fetching index remembers them, found and missing alike.
    Lineage sft = walker.walk("NeelRajani/Llama-3.1-8B-Instruct_SFT_mathv00.02_s45");
    assertThat(sft.root()).isEqualTo(BASE);
    assertThat(hub.requested).containsExactly(INSTRUCT, BASE);
  }

  @Test
  void notFoundGatedAndUnauthorizedReadAsMissing() {
    HubDouble hub = new HubDouble();
    hub.answers.put("gated/model", () -> {
      throw new GatedRepositoryException("gated", 403, "GatedRepo", null, null, null);
    });
    hub.answers.put("private/model", () -> {
      throw new UnauthorizedException("Invalid credentials", 401, null, null, null, null);
    });
    ModelIndex index = ModelIndex.fetching(hub);
    assertThat(index.find("deleted/model")).isNull();
    assertThat(index.find("gated/model")).isNull();
    assertThat(index.find("private/model")).isNull();
    assertThat(hub.requested).containsExactly("deleted/model", "gated/model", "private/model");
  }

  @Test
  void anIdTheHubCouldNotHoldIsMissingWithoutARequest() {
    HubDouble hub = new HubDouble();
    ModelIndex index = ModelIndex.fetching(hub);
    assertThat(index.find("./outputs/checkpoint-500")).isNull();
    assertThat(index.find("a/b/c")).isNull();
    assertThat(hub.requested).isEmpty();
  }

  @Test
  void otherFailuresSayNothingOfTheModelAndAreThrown() {
    HubDouble hub = new HubDouble();
    RateLimitedException limited = new RateLimitedException("rate limited", null, null, null, Duration.ofSeconds(30));
    hub.answers.put("busy/model", () -> {
      throw limited;
    });
    ModelIndex index = ModelIndex.fetching(hub);
    assertThatThrownBy(() -> index.find("busy/model")).isSameAs(limited);
    // Not remembered: the next walk asks again.
    assertThatThrownBy(() -> index.find("busy/model")).isSameAs(limited);
    assertThat(hub.requested).containsExactly("busy/model", "busy/model");
  }
}
