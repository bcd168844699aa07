package io.hubshare.hub;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import org.jspecify.annotations.Nullable;

/** Model metadata: info and listings. Obtain it from {@code HubClient.models()}. Reads metadata endpoints only. */
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

  /**
   * The model's info with chosen fields ({@code expand=}), at a revision or the default one. Only the named fields
   * (and the id) come back, so every other field of the returned model is absent ({@code null} or empty). Some
   * fields exist on this call only: {@code baseModels}, {@code childrenModelCount}, {@code usedStorage}.
   *
   * {@snippet :
   * Model m = hub.models().get("Qwen/Qwen3-8B", null, "downloadsAllTime", "baseModels");
   * Long allTime = m.downloads().allTime();
   * }
   *
   * <p>The default implementation serves a call without expand fields through {@link #get(String)} and
   * {@link #get(String, String)}, and refuses expand fields; {@code HubClient.models()} supports them all.
   *
   * @param revision a branch, tag or commit, or {@code null} for the default revision
   * @param expand field names, such as {@code downloadsAllTime}; none means the hub's default fields
   * @throws IllegalArgumentException if the id, the revision or a field name is malformed (before any request)
   * @throws io.hubshare.error.BadRequestException if the hub does not know a field name
   */
  default Model get(String id, @Nullable String revision, String... expand) {
    if (expand.length == 0) return revision == null ? get(id) : get(id, revision);
    throw new UnsupportedOperationException(getClass().getName() + " does not support expand fields");
  }

  /** A lazy, auto-paging listing of the models matching {@code query}. */
  PagedIterable<Model> list(ModelQuery query);

  /** All models that name {@code id} as a base model, whatever the relation. */
  default PagedIterable<Model> variantsOf(String id) {
    return list(ModelQuery.builder().baseModel(id, null).build());
  }

  /** The models that derive from {@code id} through {@code relation} (finetune, adapter, quantized or merge). */
  default PagedIterable<Model> variantsOf(String id, Relation relation) {
    return list(ModelQuery.builder().baseModel(id, java.util.Objects.requireNonNull(relation, "relation")).build());
  }
}
