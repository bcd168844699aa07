package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Relation;
import java.util.List;
import java.util.Objects;

/**
 * One step up a lineage: the base a model derives from, as a {@link LineageWalker} followed it.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param id the base's id: its canonical id when it was found (a renamed repository answers with its new id),
 *     else the id the link named
 * @param relation how the model below derives from this base ({@code quantized}, {@code finetune}…)
 * @param missing whether the base could not be found: deleted, private, gated, or not in an offline index. The
 *     walk ends at a missing step.
 * @param otherParents the other bases of the model below, which the walk did not follow (a merge's other
 *     ingredients), in the model's order; empty for a model with one base
 */
public record LineageStep(String id, Relation relation, boolean missing, List<BaseModel> otherParents) {
  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public LineageStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
    if (relation == Relation.ORIGINAL) throw new IllegalArgumentException("a step cannot be ORIGINAL: " + id);
    otherParents = List.copyOf(otherParents);
  }

  /** Whether the model below named several bases, so that this step is one choice among them. */
  public boolean isOneOfSeveral() {
    return !otherParents.isEmpty();
  }

  /** {@code quantized:unsloth/gemma-4-31B-it-GGUF}, with {@code (missing)} and the other bases when there are. */
  @Override
  public String toString() {
    return relation.label() + ":" + id + (missing ? " (missing)" : "")
        + (otherParents.isEmpty() ? "" : " +" + otherParents);
  }
}
