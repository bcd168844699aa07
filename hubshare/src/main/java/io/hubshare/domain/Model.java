package io.hubshare.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model repository as a hub describes it. Every field the response did not carry is {@code null} (scalars) or
 * empty (collections): absent is never reported as zero or false.
 *
 * <p>{@link #rawJson()} keeps the object exactly as the hub sent it, so fields this version does not model are
 * never lost (snapshots store it verbatim).
 *
 * @param hub the hub the model is published on; its id is unique there, not across hubs
 * @param id the repository id, {@code owner/name} (a few legacy models have a bare name, such as {@code gpt2})
 * @param author the owning account; the response's {@code author}, else the owner part of the id
 * @param sha the commit of the revision described, when sent
 * @param createdAt creation time (old repositories share the floor {@code 2022-03-02T23:29:04Z})
 * @param lastModified last commit time
 * @param pipelineTag the task, such as {@code text-generation}
 * @param libraryName the library, such as {@code transformers}
 * @param tags the tags, in the hub's order
 * @param gating whether files are gated
 * @param isPrivate whether the repository is private
 * @param disabled whether the repository is disabled
 * @param license the licence id ({@code cardData.license}, else the {@code license:} tag)
 * @param parameters the parameter count ({@code safetensors.total}, else {@code gguf.total})
 * @param downloads downloads, likes and trending score
 * @param baseModels the models this one derives from, with the relation; empty for an original model
 * @param rawJson the model object exactly as the hub sent it
 */
public record Model(
    Hub hub,
    String id,
    @Nullable String author,
    @Nullable String sha,
    @Nullable Instant createdAt,
    @Nullable Instant lastModified,
    @Nullable String pipelineTag,
    @Nullable String libraryName,
    List<String> tags,
    @Nullable Gating gating,
    @Nullable Boolean isPrivate,
    @Nullable Boolean disabled,
    @Nullable String license,
    @Nullable Long parameters,
    DownloadMetrics downloads,
    List<BaseModel> baseModels,
    String rawJson) {

  public Model {
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(id, "id");
    tags = List.copyOf(tags);
    downloads = downloads == null ? DownloadMetrics.NONE : downloads;
    baseModels = List.copyOf(baseModels);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** The owner part of the id, or {@code null} for a legacy id without one. */
  public @Nullable String owner() {
    int slash = id.indexOf('/');
    return slash < 0 ? null : id.substring(0, slash);
  }

  /** The name part of the id. */
  public String name() {
    return id.substring(id.indexOf('/') + 1);
  }

  /**
   * How this model relates to its bases: {@link Relation#ORIGINAL} with none, {@link Relation#MERGE} when any link
   * is a merge, else the relation of the first link.
   */
  public Relation relation() {
    if (baseModels.isEmpty()) return Relation.ORIGINAL;
    for (BaseModel b : baseModels) {
      if (b.relation() == Relation.MERGE) return Relation.MERGE;
    }
    return baseModels.get(0).relation();
  }

  /** Whether the model derives from another one. */
  public boolean isDerivative() {
    return !baseModels.isEmpty();
  }

  /** One line that reads well in JShell; {@link #rawJson()} is left out. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Model[");
    if (!hub.equals(Hub.HUGGING_FACE)) b.append(hub).append(':');
    b.append(id);
    if (pipelineTag != null) b.append(", ").append(pipelineTag);
    if (createdAt != null) b.append(", created ").append(createdAt);
    b.append(", ").append(downloads);
    if (parameters != null) b.append(", params=").append(parameters);
    if (license != null) b.append(", license=").append(license);
    if (gating != null && gating != Gating.OPEN) b.append(", gated=").append(gating.name().toLowerCase());
    if (!baseModels.isEmpty()) b.append(", base=").append(baseModels);
    return b.append(']').toString();
  }
}
