package io.hubshare.hub;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import org.jspecify.annotations.Nullable;

/**
 * Model metadata: info and listings. Obtain it from {@code HubClient.models()}. Reads metadata endpoints only.
 *
 * <p>One call reads a model, with two shorter forms for its defaults: {@code revision} {@code null} means the
 * default revision, and no {@code expand} field means the hub's default fields.
 * <pre>{@code
 * hub.models().get("Qwen/Qwen3-8B");                                  // default revision, default fields
 * hub.models().get("Qwen/Qwen3-8B", "main");                          // a branch, tag or commit
 * hub.models().get("Qwen/Qwen3-8B", null, "downloadsAllTime");        // default revision, chosen fields
 * }</pre>
 * An implementation (a test double, another hub) implements {@link #get(String, String, String...)} and
 * {@link #list(ModelQuery)}; the shorter forms call the first.
 */
public interface Models {

  /**
   * The model's info at its default revision, with the hub's default fields. A renamed repository is followed: the
   * returned id is the canonical one.
   *
   * @param id {@code owner/name}
   * @return the model
   * @throws IllegalArgumentException if {@code id} is not a valid repository id (before any request)
   * @throws io.hubshare.error.RepositoryNotFoundException if the hub does not know it (or it is private)
   */
  default Model get(String id) {
    return get(id, null, new String[0]);
  }

  /**
   * The model's info at a revision, with the hub's default fields.
   *
   * @param id {@code owner/name}
   * @param revision a branch, tag or commit (a branch may contain {@code /}), or {@code null} for the default one
   * @return the model
   * @throws IllegalArgumentException if the id or the revision is malformed (before any request)
   * @throws io.hubshare.error.RevisionNotFoundException if the revision does not exist
   */
  default Model get(String id, @Nullable String revision) {
    return get(id, revision, new String[0]);
  }

  /**
   * The model's info with chosen fields ({@code expand=}), at a revision or the default one. Only the named fields
   * (and the id) come back, so every other field of the returned model is absent ({@code null} or empty). Some
   * fields exist on this call only: {@code baseModels}, {@code childrenModelCount}, {@code usedStorage}.
   *
   * <pre>{@code
   * Model m = hub.models().get("Qwen/Qwen3-8B", null, "downloadsAllTime", "baseModels");
   * long allTime = m.downloads().allTimeOr(0);
   * }</pre>
   *
   * @param id {@code owner/name}
   * @param revision a branch, tag or commit, or {@code null} for the default revision
   * @param expand field names, such as {@code downloadsAllTime}; none means the hub's default fields
   * @return the model
   * @throws IllegalArgumentException if the id, the revision or a field name is malformed (before any request)
   * @throws io.hubshare.error.RepositoryNotFoundException if the hub does not know the model
   * @throws io.hubshare.error.RevisionNotFoundException if the revision does not exist
   * @throws io.hubshare.error.BadRequestException if the hub does not know a field name
   */
  Model get(String id, @Nullable String revision, String... expand);

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
