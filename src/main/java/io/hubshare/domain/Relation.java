package io.hubshare.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a model relates to the model it derives from, as the Hub names it in {@code base_model_relation} and in
 * {@code base_model:<relation>:<id>} tags. {@link #ORIGINAL} marks a model with no base at all.
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

  /** The Hub's spelling: {@code finetune}, {@code adapter}, {@code quantized}, {@code merge}, {@code original}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the Hub's spelling, case-insensitively.
   *
   * @return the relation, or {@code null} for a name the Hub does not use (never guessed)
   */
  public static @Nullable Relation fromWire(@Nullable String name) {
    if (name == null) return null;
    for (Relation r : values()) {
      if (r.wireName().equalsIgnoreCase(name.trim())) return r;
    }
    return null;
  }
}
