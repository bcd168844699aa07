package io.hubshare.domain;

import java.util.Objects;

/**
 * A model that another model derives from, and how. Make one with {@link #of(String, Relation)}; the canonical
 * constructor is not part of the compatible API (a link may gain a component, such as the base's hub).
 *
 * @param id the base model's repository id, {@code owner/name} (or a bare legacy name such as {@code gpt2})
 * @param relation how the child derives from this base; never {@link Relation#ORIGINAL}
 */
public record BaseModel(String id, Relation relation) {
  /**
   * For hubshare's readers of hub responses: not part of the compatible API; use {@link #of(String, Relation)}.
   *
   * @throws IllegalArgumentException if {@code relation} is {@link Relation#ORIGINAL}
   */
  public BaseModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
    if (relation == Relation.ORIGINAL) {
      throw new IllegalArgumentException("a base model link cannot have relation ORIGINAL: " + id);
    }
  }

  /**
   * A link to a base model.
   *
   * @param id the base's repository id
   * @param relation how the child derives from it; never {@link Relation#ORIGINAL}
   * @return the link
   * @throws IllegalArgumentException if {@code relation} is {@link Relation#ORIGINAL}
   */
  public static BaseModel of(String id, Relation relation) {
    return new BaseModel(id, relation);
  }

  @Override
  public String toString() {
    return id + " (" + relation.label() + ")";
  }
}
