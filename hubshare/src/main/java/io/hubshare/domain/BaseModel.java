package io.hubshare.domain;

import java.util.Objects;

/**
 * A model that another model derives from, and how.
 *
 * @param id the base model's repository id, {@code owner/name} (or a bare legacy name such as {@code gpt2})
 * @param relation how the child derives from this base; never {@link Relation#ORIGINAL}
 */
public record BaseModel(String id, Relation relation) {
  public BaseModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(relation, "relation");
    if (relation == Relation.ORIGINAL) {
      throw new IllegalArgumentException("a base model link cannot have relation ORIGINAL: " + id);
    }
  }

  @Override
  public String toString() {
    return id + " (" + relation.label() + ")";
  }
}
