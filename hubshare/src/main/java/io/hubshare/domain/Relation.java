package io.hubshare.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a model relates to the model it derives from, as hubs name it (on Hugging Face, {@code base_model_relation} and
 * {@code base_model:<relation>:<id>} tags). {@link #ORIGINAL} marks a model with no base at all.
 */
public enum Relation {
  /** No base model: the model is a lineage root. */
  ORIGINAL,
  /** Weights trained further from the base. */
  FINETUNE,
  /** An adapter (LoRA, PEFT…) applied on top of the base. */
  ADAPTER,
  /** The base's weights in a lower precision (GGUF, GPTQ, AWQ, MLX…). */
  QUANTIZED,
  /** Weights merged from several bases. */
  MERGE;

  /** The labels by ordinal: made once, read for every link of millions of models. */
  private static final String[] LABELS;

  static {
    Relation[] all = values();
    LABELS = new String[all.length];
    for (Relation r : all) LABELS[r.ordinal()] = r.name().toLowerCase(Locale.ROOT);
  }

  /** The relation in lower case, as people and the hubs write it: {@code finetune}, {@code quantized}. */
  public String label() {
    return LABELS[ordinal()];
  }

  /**
   * Reads a relation's label, case-insensitively.
   *
   * @return the relation, or {@code null} for a name that is not a relation (never guessed)
   */
  public static @Nullable Relation parse(@Nullable String name) {
    if (name == null) return null;
    String trimmed = name.trim();
    for (int i = 0; i < LABELS.length; i++) {
      if (LABELS[i].equalsIgnoreCase(trimmed)) return values()[i];
    }
    return null;
  }
}
