package io.hubshare.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model repository as a hub describes it. Every field the response did not carry is {@code null} (scalars) or
 * empty (collections): absent is never reported as zero or false.
 *
 * <p>{@link #rawJson()} keeps the object exactly as the hub sent it, so fields this version does not model are
 * never lost (snapshots store it verbatim).
 *
 * <p>hubshare makes models from what a hub sends. To make one yourself (a test, a custom index, an import), use
 * {@link #builder(Hub, String)}; the canonical constructor is not part of the compatible API, as it gains a
 * parameter whenever a field the hubs send is added to this record:
 * <pre>{@code
 * Model m = Model.builder(Hub.HUGGING_FACE, "Qwen/Qwen3-8B")
 *     .createdAt(Instant.parse("2025-04-28T00:00:00Z"))
 *     .downloads(DownloadMetrics.of(1_234_567L, null))
 *     .build();
 * }</pre>
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

  /**
   * For hubshare's readers of hub responses: not part of the compatible API (see the class comment); use
   * {@link #builder(Hub, String)}.
   *
   * @throws NullPointerException if {@code hub}, {@code id}, {@code tags}, {@code baseModels} or {@code rawJson}
   *     is null ({@code downloads} null stands for {@link DownloadMetrics#NONE})
   */
  public Model {
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(id, "id");
    tags = List.copyOf(tags);
    downloads = downloads == null ? DownloadMetrics.NONE : downloads;
    baseModels = List.copyOf(baseModels);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * A builder of a model with only its hub and id: every other field is absent until set.
   *
   * @param hub the hub the model is published on
   * @param id the repository id, {@code owner/name}
   * @return a new builder
   */
  public static Builder builder(Hub hub, String id) {
    return new Builder(hub, id);
  }

  /**
   * A builder holding this model's fields, to make a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(hub, id).author(author).sha(sha).createdAt(createdAt).lastModified(lastModified)
        .pipelineTag(pipelineTag).libraryName(libraryName).tags(tags).gating(gating).isPrivate(isPrivate)
        .disabled(disabled).license(license).parameters(parameters).downloads(downloads).baseModels(baseModels)
        .rawJson(rawJson);
  }

  /**
   * The parameter count, or {@code fallback} when the hub did not send one.
   *
   * @param fallback the value for an absent count, such as 0
   * @return {@link #parameters()} unboxed, or {@code fallback}
   */
  public long parametersOr(long fallback) {
    return parameters == null ? fallback : parameters;
  }

  /**
   * Whether the repository is private, or {@code fallback} when the hub did not say.
   *
   * @param fallback the value when absent
   * @return {@link #isPrivate()} unboxed, or {@code fallback}
   */
  public boolean isPrivateOr(boolean fallback) {
    return isPrivate == null ? fallback : isPrivate;
  }

  /**
   * Whether the repository is disabled, or {@code fallback} when the hub did not say.
   *
   * @param fallback the value when absent
   * @return {@link #disabled()} unboxed, or {@code fallback}
   */
  public boolean disabledOr(boolean fallback) {
    return disabled == null ? fallback : disabled;
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
    if (gating != null && gating != Gating.OPEN) b.append(", gated=").append(gating.name().toLowerCase(Locale.ROOT));
    if (!baseModels.isEmpty()) b.append(", base=").append(baseModels);
    return b.append(']').toString();
  }

  /**
   * Makes a {@link Model} field by field. Fields not set are absent: {@code null}, or empty for the lists, and
   * {@link DownloadMetrics#NONE} for the counters. {@link #rawJson(String)} defaults to {@code {}}, as a model
   * made by hand was sent by no hub. Setting a field again replaces it.
   */
  public static final class Builder {
    private final Hub hub;
    private final String id;
    private @Nullable String author;
    private boolean authorSet;
    private @Nullable String sha;
    private @Nullable Instant createdAt;
    private @Nullable Instant lastModified;
    private @Nullable String pipelineTag;
    private @Nullable String libraryName;
    private List<String> tags = List.of();
    private @Nullable Gating gating;
    private @Nullable Boolean isPrivate;
    private @Nullable Boolean disabled;
    private @Nullable String license;
    private @Nullable Long parameters;
    private DownloadMetrics downloads = DownloadMetrics.NONE;
    private final List<BaseModel> baseModels = new ArrayList<>();
    private String rawJson = "{}";

    private Builder(Hub hub, String id) {
      this.hub = Objects.requireNonNull(hub, "hub");
      this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Sets the owning account ({@link Model#author()}); when never set, {@link #build()} takes the owner part of
     * the id, as the hubs do.
     *
     * @param author the account, or {@code null}
     * @return this builder
     */
    public Builder author(@Nullable String author) {
      this.author = author;
      authorSet = true;
      return this;
    }

    /**
     * Sets {@link Model#sha()}.
     *
     * @param sha the commit, or {@code null}
     * @return this builder
     */
    public Builder sha(@Nullable String sha) {
      this.sha = sha;
      return this;
    }

    /**
     * Sets {@link Model#createdAt()}.
     *
     * @param createdAt the creation time, or {@code null}
     * @return this builder
     */
    public Builder createdAt(@Nullable Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets {@link Model#lastModified()}.
     *
     * @param lastModified the last commit time, or {@code null}
     * @return this builder
     */
    public Builder lastModified(@Nullable Instant lastModified) {
      this.lastModified = lastModified;
      return this;
    }

    /**
     * Sets {@link Model#pipelineTag()}.
     *
     * @param pipelineTag the task, such as {@code text-generation}, or {@code null}
     * @return this builder
     */
    public Builder pipelineTag(@Nullable String pipelineTag) {
      this.pipelineTag = pipelineTag;
      return this;
    }

    /**
     * Sets {@link Model#libraryName()}.
     *
     * @param libraryName the library, such as {@code transformers}, or {@code null}
     * @return this builder
     */
    public Builder libraryName(@Nullable String libraryName) {
      this.libraryName = libraryName;
      return this;
    }

    /**
     * Sets {@link Model#tags()}.
     *
     * @param tags the tags, in order
     * @return this builder
     */
    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(tags);
      return this;
    }

    /**
     * Sets {@link Model#gating()}.
     *
     * @param gating the gating, or {@code null}
     * @return this builder
     */
    public Builder gating(@Nullable Gating gating) {
      this.gating = gating;
      return this;
    }

    /**
     * Sets {@link Model#isPrivate()}.
     *
     * @param isPrivate whether the repository is private, or {@code null}
     * @return this builder
     */
    public Builder isPrivate(@Nullable Boolean isPrivate) {
      this.isPrivate = isPrivate;
      return this;
    }

    /**
     * Sets {@link Model#disabled()}.
     *
     * @param disabled whether the repository is disabled, or {@code null}
     * @return this builder
     */
    public Builder disabled(@Nullable Boolean disabled) {
      this.disabled = disabled;
      return this;
    }

    /**
     * Sets {@link Model#license()}.
     *
     * @param license the licence id, or {@code null}
     * @return this builder
     */
    public Builder license(@Nullable String license) {
      this.license = license;
      return this;
    }

    /**
     * Sets {@link Model#parameters()}.
     *
     * @param parameters the parameter count, or {@code null}
     * @return this builder
     */
    public Builder parameters(@Nullable Long parameters) {
      this.parameters = parameters;
      return this;
    }

    /**
     * Sets {@link Model#downloads()}.
     *
     * @param downloads the counters; {@code null} stands for {@link DownloadMetrics#NONE}
     * @return this builder
     */
    public Builder downloads(@Nullable DownloadMetrics downloads) {
      this.downloads = downloads == null ? DownloadMetrics.NONE : downloads;
      return this;
    }

    /**
     * Replaces {@link Model#baseModels()}.
     *
     * @param baseModels the bases, in order
     * @return this builder
     */
    public Builder baseModels(List<BaseModel> baseModels) {
      this.baseModels.clear();
      this.baseModels.addAll(baseModels);
      return this;
    }

    /**
     * Adds one base model after those already set.
     *
     * @param id the base's repository id
     * @param relation how this model derives from it
     * @return this builder
     */
    public Builder baseModel(String id, Relation relation) {
      baseModels.add(BaseModel.of(id, relation));
      return this;
    }

    /**
     * Sets {@link Model#rawJson()}.
     *
     * @param rawJson the object as a hub sent it
     * @return this builder
     */
    public Builder rawJson(String rawJson) {
      this.rawJson = Objects.requireNonNull(rawJson, "rawJson");
      return this;
    }

    /**
     * The model.
     *
     * @return a new model with the fields set so far
     */
    public Model build() {
      String owner = id.indexOf('/') < 0 ? null : id.substring(0, id.indexOf('/'));
      return new Model(hub, id, authorSet ? author : owner, sha, createdAt, lastModified, pipelineTag, libraryName,
          tags, gating, isPrivate, disabled, license, parameters, downloads, baseModels, rawJson);
    }
  }
}
