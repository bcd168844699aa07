package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule that picks the one base a lineage walk follows when a model names several (merges, mostly).
 *
 * <p><b>The rule: the base with the smallest id, comparing ids as {@link String#compareTo} does</b> (code units,
 * so {@code Qwen/…} comes before {@code adrianmurray/…}). A model with one base simply follows it.
 *
 * <p>Why not the first base in the model card: the card's order is the author's, and list pages carry it only when
 * {@code cardData} is requested. The Hub's {@code base_model:<relation>:<id>} tags, which every crawl sees, list the
 * bases sorted by id, so this rule picks the Hub's first base while giving the same answer whichever source the
 * links were read from (tags, card, {@code expand=baseModels}) and in whatever order they arrived. For attribution
 * the choice rarely matters: the bases of a merge usually share a root. The other bases are never dropped: a
 * {@link LineageStep} lists them, and {@link LineageIndex#parentsOf(String)} returns them all.
 *
 * <pre>{@code
 * // ahpramesi/Qwen3.8-27B-Hybrid-Q8Q4-Vision merges these two; the card lists adrianmurray's first.
 * PrimaryParent.of(List.of(
 *     new BaseModel("adrianmurray/Qwen3.8-27B-Hybrid-Q8Q4", Relation.MERGE),
 *     new BaseModel("Qwen/Qwen3.8-27B", Relation.MERGE)));   // → merge:Qwen/Qwen3.8-27B
 * }</pre>
 */
public final class PrimaryParent {
  private PrimaryParent() {}

  /**
   * The base a walk follows.
   *
   * @param bases a model's bases, in any order
   * @return the base with the smallest id (the first of equal ids), or {@code null} when there is none
   */
  public static @Nullable BaseModel of(List<BaseModel> bases) {
    int i = indexOf(bases);
    return i < 0 ? null : bases.get(i);
  }

  /** The position in {@code bases} of {@link #of(List)}'s choice, or -1 when the list is empty. */
  static int indexOf(List<BaseModel> bases) {
    int best = -1;
    for (int i = 0; i < bases.size(); i++) {
      if (best < 0 || bases.get(i).id().compareTo(bases.get(best).id()) < 0) best = i;
    }
    return best;
  }
}
