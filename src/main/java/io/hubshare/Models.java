package io.hubshare;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;

/** Model metadata: info and listings. Obtain it from {@link HubClient#models()}. Reads metadata endpoints only. */
public interface Models {

  /**
   * The model's info at its default revision. A renamed repository is followed: the returned id is the canonical
   * one.
   *
   * @param id {@code owner/name}
   * @throws IllegalArgumentException if {@code id} is not a valid repository id (before any request)
   * @throws io.hubshare.error.RepositoryNotFoundException if the hub does not know it (or it is private)
   */
  Model get(String id);

  /**
   * The model's info at a revision (a branch, tag or commit; a branch may contain {@code /}).
   *
   * @throws io.hubshare.error.RevisionNotFoundException if the revision does not exist
   */
  Model get(String id, String revision);

  /** A lazy, auto-paging listing of the models matching {@code query}. */
  PagedIterable<Model> list(ModelQuery query);

  /** All models that name {@code id} as a base model, whatever the relation. */
  default PagedIterable<Model> variantsOf(String id) {
    ModelIds.requireValid(id);
    return list(ModelQuery.builder().filter("base_model:" + id).build());
  }

  /** The models that derive from {@code id} through {@code relation} (finetune, adapter, quantized or merge). */
  default PagedIterable<Model> variantsOf(String id, Relation relation) {
    ModelIds.requireValid(id);
    if (relation == Relation.ORIGINAL) {
      throw new IllegalArgumentException("ORIGINAL is not a relation a variant can have");
    }
    return list(ModelQuery.builder().filter("base_model:" + relation.wireName() + ":" + id).build());
  }
}
