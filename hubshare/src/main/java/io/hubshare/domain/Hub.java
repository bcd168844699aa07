package io.hubshare.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A model hub: where a model is published and its id is unique. hubshare speaks {@link #HUGGING_FACE} (the default)
 * and {@link #MODELSCOPE}; the same id on two hubs names two models.
 *
 * <p>Its constructor is part of the compatible API: these components define the value, so none will be added.
 *
 * @param name the hub's name as snapshots and the command line write it: lower-case letters, digits and {@code -}
 */
public record Hub(String name) {
  /** The Hugging Face Hub, {@code https://huggingface.co}. */
  public static final Hub HUGGING_FACE = new Hub("huggingface");

  /** ModelScope, {@code https://modelscope.cn}, where many Chinese developers publish first. */
  public static final Hub MODELSCOPE = new Hub("modelscope");

  /**
   * A hub of that exact name; {@link #of(String)} also takes the short forms.
   *
   * @throws IllegalArgumentException if the name is not lower-case letters, digits and {@code -}
   */
  public Hub {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("not a hub name: '" + name + "' (lower-case letters, digits and '-')");
    }
  }

  /**
   * The hub of a name, case-insensitively, with the short forms the command line accepts: {@code hf},
   * {@code huggingface}, {@code hugging-face}; {@code ms}, {@code modelscope}.
   *
   * @throws IllegalArgumentException if the name is blank or malformed
   */
  public static Hub of(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("hub name must not be blank");
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "hf":
      case "huggingface":
      case "hugging-face":
      case "hugging_face":
        return HUGGING_FACE;
      case "ms":
      case "modelscope":
        return MODELSCOPE;
      default:
        return new Hub(n);
    }
  }

  /** The hub's name for people: "Hugging Face", "ModelScope", else {@link #name()}. */
  public String displayName() {
    if (equals(HUGGING_FACE)) return "Hugging Face";
    if (equals(MODELSCOPE)) return "ModelScope";
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
