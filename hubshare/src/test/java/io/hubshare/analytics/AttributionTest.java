package io.hubshare.analytics;

import static io.hubshare.analytics.TestModel.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttributionTest {
  /** A quantization listed before its parent, a merge, a missing base and a cycle. */
  static final List<Model> MODELS = List.of(
      model("bob/Llama-FT-GGUF").downloads(1000L).created("2025-02-01T00:00:00Z")
          .base(Relation.QUANTIZED, "alice/Llama-FT").build(),
      model("meta-llama/Llama-3.1-8B").downloads(100L).created("2024-07-23T00:00:00Z").build(),
      model("alice/Llama-FT").downloads(50L).created("2023-01-01T00:00:00Z")
          .base(Relation.FINETUNE, "meta-llama/Llama-3.1-8B").build(),
      // The primary base of a merge is the smallest id: "Qwen/…" sorts before "alice/…".
      model("carol/Merge").downloads(7L).base(Relation.MERGE, "alice/Llama-FT")
          .base(Relation.MERGE, "Qwen/Qwen3-8B").build(),
      model("dave/X-GGUF").downloads(20L).base(Relation.QUANTIZED, "Qwen/Deleted-Model").build(),
      model("cyc/A").downloads(1L).base(Relation.FINETUNE, "cyc/B").build(),
      model("cyc/B").downloads(2L).base(Relation.FINETUNE, "cyc/A").build());

  static ShareTable country(Attribution a) {
    return Shares.by(Dimension.COUNTRY).origins(ShareTableTest.ORIGINS).attribution(a).compute(once(MODELS));
  }

  @Test
  void uploaderCreditsTheOwningAccount() {
    ShareTable t = country(Attribution.UPLOADER);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::value).containsExactly(tuple("US", 100L));
    assertThat(t.unknown().value()).isEqualTo(1080L);
  }

  @Test
  void parentCreditsTheImmediatePrimaryBase() {
    ShareTable t = country(Attribution.PARENT);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::value)
        .containsExactly(tuple("US", 150L), tuple("CN", 27L));
    assertThat(t.unknown().value()).isEqualTo(1003L);
  }

  @Test
  void rootWalksToTheEndOfTheLineageInOnePass() {
    ShareTable t = country(Attribution.ROOT);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::value, ShareRow::models)
        .containsExactly(tuple("US", 1150L, 3L), tuple("CN", 27L, 2L));
    assertThat(t.unknown().value()).isEqualTo(3L);
    assertThat(t.total()).isEqualTo(1180L);
  }

  @Test
  void familyIsTheCreditedModel() {
    ShareTable root = Shares.by(Dimension.FAMILY).attribution(Attribution.ROOT).compute(MODELS);
    assertThat(root.rows()).extracting(ShareRow::key, ShareRow::value).containsExactly(
        tuple("meta-llama/Llama-3.1-8B", 1150L), tuple("Qwen/Deleted-Model", 20L), tuple("Qwen/Qwen3-8B", 7L),
        tuple("cyc/B", 2L), tuple("cyc/A", 1L));
    ShareTable uploader = Shares.by(Dimension.FAMILY).compute(MODELS);
    assertThat(uploader.rows()).hasSize(7);
    assertThat(uploader.rows().get(0).key()).isEqualTo("bob/Llama-FT-GGUF");
  }

  @Test
  void aPrebuiltIndexGivesTheSameRootsAsOnePass() {
    LineageIndex index = LineageIndex.of(MODELS);
    for (Dimension d : List.of(Dimension.COUNTRY, Dimension.FAMILY)) {
      Shares shares = Shares.by(d).origins(ShareTableTest.ORIGINS).attribution(Attribution.ROOT);
      ShareTable twoPass = shares.lineage(index).compute(MODELS);
      ShareTable onePass = shares.compute(once(MODELS));
      assertThat(twoPass.rows()).isEqualTo(onePass.rows());
      assertThat(twoPass.unknown()).isEqualTo(onePass.unknown());
    }
  }

  @Test
  void insideACycleEachMemberIsCreditedToItself() {
    // A → B → A has no root: the walk from A's parent B stops before A repeats.
    ShareTable family = Shares.by(Dimension.FAMILY).attribution(Attribution.ROOT)
        .compute(MODELS.subList(5, 7));
    assertThat(family.rows()).extracting(ShareRow::key, ShareRow::value)
        .containsExactly(tuple("cyc/B", 2L), tuple("cyc/A", 1L));
  }

  @Test
  void idsAndAccountsDifferingOnlyInCaseAreOneGroupSpelledAsTheHubDoes() {
    // Cards often name a base in the wrong case; the Hub resolves ids ignoring case, and so do families and
    // accounts. The spelling shown is the model's own, once it is seen.
    List<Model> models = List.of(
        model("bob/gemma-GGUF").downloads(5L).base(Relation.QUANTIZED, "google/gemma-4-e4b-it").build(),
        model("google/gemma-4-E4B-it").downloads(100L).build(),
        model("carol/gemma-ft").downloads(7L).base(Relation.FINETUNE, "GOOGLE/gemma-4-E4B-IT").build());
    for (Attribution a : List.of(Attribution.PARENT, Attribution.ROOT)) {
      ShareTable family = Shares.by(Dimension.FAMILY).attribution(a).compute(models);
      assertThat(family.rows()).extracting(ShareRow::key, ShareRow::value, ShareRow::models)
          .containsExactly(tuple("google/gemma-4-E4B-it", 112L, 3L));
      ShareTable account = Shares.by(Dimension.ACCOUNT).attribution(a).compute(models);
      assertThat(account.rows()).extracting(ShareRow::key, ShareRow::value).containsExactly(tuple("google", 112L));
      assertThat(account.row("Google")).isSameAs(account.row("google"));
    }
  }

  @Test
  void aModelWhoseOwnRecordNamesNoBaseIsAnOriginal() {
    // The same repository listed twice, ids differing in case, one copy without links: the lineage index matches ids
    // ignoring case, but attribution reads each model's own record, so that copy stays an original.
    List<Model> twice = List.of(
        model("someone/Tiny").downloads(16L).base(Relation.FINETUNE, "Qwen/Qwen2.5-0.5B").build(),
        model("someone/TINY").downloads(16L).build());
    Shares shares = Shares.by(Dimension.COUNTRY).origins(ShareTableTest.ORIGINS).attribution(Attribution.ROOT);
    for (ShareTable t : List.of(shares.compute(twice), shares.lineage(LineageIndex.of(twice)).compute(twice))) {
      assertThat(t.row("CN").value()).isEqualTo(16L);
      assertThat(t.unknown().value()).isEqualTo(16L);
    }
  }

  @Test
  void aFilteredOutModelStillLinksItsDescendantsToTheRoot() {
    // alice/Llama-FT (2023) and the Llama original (July 2024) are outside the window, the GGUF inside it.
    ShareTable t = Shares.by(Dimension.COUNTRY).origins(ShareTableTest.ORIGINS).attribution(Attribution.ROOT)
        .createdBetween(java.time.LocalDate.parse("2024-08-01"), java.time.LocalDate.parse("2025-08-01"))
        .compute(MODELS);
    assertThat(t.rows()).extracting(ShareRow::key, ShareRow::value).containsExactly(tuple("US", 1000L));
    assertThat(t.counts().matched()).isEqualTo(1L);
  }

  /** An iterable that can be read once only, as a live listing or a snapshot stream. */
  static <T> Iterable<T> once(List<T> items) {
    AtomicInteger reads = new AtomicInteger();
    return () -> {
      if (reads.incrementAndGet() > 1) throw new AssertionError("the models were read twice");
      Iterator<T> it = items.iterator();
      return it;
    };
  }
}
