package io.hubshare.lineage;

import io.hubshare.hub.Models;
import io.hubshare.domain.Model;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link LineageWalker} looks models up: a crawl held in memory, the Hub itself, or the first with the
 * second as a fallback.
 *
 * <pre>{@code
 * ModelIndex index = ModelIndex.of(crawl).orElse(ModelIndex.fetching(hub.models()));
 * Lineage l = new LineageWalker(index).walk("Abiray/10Eros-Max-GGUF");
 * }</pre>
 */
@FunctionalInterface
public interface ModelIndex {

  /**
   * The model {@code id}, or {@code null} when it cannot be had: not in an offline index, or deleted, private or
   * gated on the Hub. A walk marks such a base missing and stops there.
   */
  @Nullable Model find(String id);

  /**
   * This index, then {@code fallback} for the ids this one does not hold.
   *
   * <pre>{@code
   * ModelIndex.of(sample).orElse(ModelIndex.fetching(hub.models()))   // fetch only what the sample lacks
   * }</pre>
   */
  default ModelIndex orElse(ModelIndex fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return id -> {
      Model m = find(id);
      return m != null ? m : fallback.find(id);
    };
  }

  /**
   * An in-memory index of {@code models}, looked up by id ignoring case, as the Hub resolves ids. A model listed
   * twice keeps its last reading.
   * Holds the models themselves: meant for a sample or one family, not a full crawl (use {@link LineageIndex}).
   */
  static ModelIndex of(Iterable<? extends Model> models) {
    return new InMemoryModelIndex(models);
  }

  /**
   * An index that asks the Hub for each id on request ({@code GET /api/models/{id}}, metadata only), remembering
   * the last 10,000 answers, found or not. Renamed repositories are followed: the model returned carries its new
   * id. A {@link io.hubshare.error.RepositoryNotFoundException}, {@link io.hubshare.error.GatedRepositoryException}
   * or {@link io.hubshare.error.UnauthorizedException} answer, or an id the Hub could not hold, reads as
   * {@code null}; any other failure (rate limit, server error, offline) is thrown, since it says nothing about
   * the model.
   */
  static ModelIndex fetching(Models models) {
    return new FetchingModelIndex(models, FetchingModelIndex.DEFAULT_CACHE_SIZE);
  }
}
